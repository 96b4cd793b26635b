package tw.fine.ra.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;

/** The RA card-attestation CA the card attestations must chain to. (Wired to the ca capability next.) */
@ApplicationScoped
public class CardAttestationTrust {

    public X509Certificate certificate() {
        throw new IllegalStateException("the card-attestation CA is not wired yet");
    }
}
