package tw.fine.ra.ca.control;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** The delegated OCSP signing certificate (issued by the issuing CA) and its key. */
public record OcspSigner(X509Certificate certificate, Signing signing) {

    public boolean dueForRenewal(Instant now, Duration renewBefore) {
        return !certificate.getNotAfter().toInstant().minus(renewBefore).isAfter(now);
    }
}
