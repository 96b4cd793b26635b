package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import tw.fine.ra.ca.entity.IssuedCertificate;

/**
 * Records the current OCSP signer certificate in the CA's certificate table the first time it is
 * seen, in the caller's transaction. The signer is made in the key store, outside any transaction
 * (at start or on renewal); recording by "not yet on record" also catches one made before a crash
 * or before this table kept signers.
 */
@Dependent
public class OcspSignerRecords {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    /** The signer's new record, or empty if it was on record already. */
    public Optional<IssuedCertificate> recordCurrent() {
        X509Certificate signer = keys.ocspSigner().certificate();
        String issuerDn = keys.issuerDn();
        boolean known = !em.createNamedQuery(IssuedCertificate.BY_SERIAL, IssuedCertificate.class)
                .setParameter("issuer", issuerDn).setParameter("serial", IssuedCertificate.hex(signer.getSerialNumber()))
                .getResultList().isEmpty();
        if (known) {
            return Optional.empty();
        }
        try {
            IssuedCertificate record = IssuedCertificate.ocspSigner(issuerDn, signer.getSerialNumber(),
                    signer.getSubjectX500Principal().getName(), signer.getNotBefore().toInstant(),
                    signer.getNotAfter().toInstant(),
                    RequestCheck.fingerprint(SubjectPublicKeyInfo.getInstance(signer.getPublicKey().getEncoded())),
                    signer.getEncoded(), signer.getNotBefore().toInstant());
            em.persist(record);
            return Optional.of(record);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
