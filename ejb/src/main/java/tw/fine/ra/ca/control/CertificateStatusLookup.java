package tw.fine.ra.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import tw.fine.ra.ca.entity.IssuedCertificate;

/**
 * Reads one certificate's current status for the OCSP responder, by the (issuer, serial) index, and
 * the recent status changes, by their time's index; in the caller's transaction if there is one (OCSP
 * answers and the change poll run without).
 */
@ApplicationScoped
public class CertificateStatusLookup {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    public CertificateState stateOf(BigInteger serial) {
        List<IssuedCertificate> found = em.createNamedQuery(IssuedCertificate.BY_SERIAL, IssuedCertificate.class)
                .setParameter("issuer", keys.issuerDn()).setParameter("serial", IssuedCertificate.hex(serial))
                .getResultList();
        if (found.isEmpty()) {
            return CertificateState.unknown();
        }
        IssuedCertificate c = found.get(0);
        return c.status().isRevokedForRelyingParties()
                ? CertificateState.revoked(c.revokedAt(), c.revocationReason(), c.invalidityDate())
                : CertificateState.good();
    }

    /** Serial (hex) and version of every certificate of the issuing CA whose status changed at or after {@code since}. */
    public List<Object[]> changedSince(Instant since) {
        return em.createNamedQuery(IssuedCertificate.CHANGED_SINCE, Object[].class)
                .setParameter("issuer", keys.issuerDn()).setParameter("since", since).getResultList();
    }
}
