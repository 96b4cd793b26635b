package tw.fine.ra.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.util.List;
import tw.fine.ra.ca.entity.IssuedCertificate;

/**
 * Reads one certificate's current status for the OCSP responder, by the (issuer, serial) index;
 * in the caller's transaction if there is one (OCSP answers run without).
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
                ? CertificateState.revoked(c.revokedAt(), c.revocationReason(), c.version(), c.invalidityDate())
                : CertificateState.good(c.version());
    }
}
