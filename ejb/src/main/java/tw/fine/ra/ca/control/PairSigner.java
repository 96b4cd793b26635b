package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IssuedCertificate;

/** Signs one certificate of a pair with a fresh serial and records it; runs in the caller's transaction. */
@Dependent
public class PairSigner {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    private final SerialNumbers serials = new SerialNumbers();

    public IssuedCertificate sign(String requestId, SubjectName subject, CertificateUsage usage, CheckedKey key,
            Instant notBefore, Instant notAfter) {
        String issuerDn = keys.issuerDn();
        BigInteger serial = serials.next(candidate -> taken(issuerDn, candidate));
        CertificateProfile profile = CertificateProfile.of(usage);
        X509Certificate certificate = keys.issuer().issue(subject, key.key(), profile, serial, notBefore, notAfter);
        try {
            IssuedCertificate issued = new IssuedCertificate(requestId, subject.subscriberId(), usage, issuerDn, serial,
                    certificate.getSubjectX500Principal().getName(), notBefore, notAfter, key.fingerprint(),
                    certificate.getEncoded(), notBefore);
            key.rsaModulus().ifPresent(issued::withRsaModulus);
            em.persist(issued);
            return issued;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean taken(String issuerDn, BigInteger serial) {
        return !em.createNamedQuery(IssuedCertificate.BY_SERIAL, IssuedCertificate.class)
                .setParameter("issuer", issuerDn).setParameter("serial", IssuedCertificate.hex(serial))
                .getResultList().isEmpty();
    }
}
