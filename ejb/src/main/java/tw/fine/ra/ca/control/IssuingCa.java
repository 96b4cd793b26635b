package tw.fine.ra.ca.control;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** The issuing CA as loaded from the key store: its certificate, the root above it and its key. */
public record IssuingCa(X509Certificate certificate, X509Certificate root, Signing signing) {

    public X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    /** Issuing CA first, then the root: what a relying party needs to build the path. */
    public List<X509Certificate> chain() {
        return List.of(certificate, root);
    }
}
