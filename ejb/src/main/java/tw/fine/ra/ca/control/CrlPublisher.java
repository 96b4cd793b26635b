package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.PublishedCrl;
import tw.fine.ra.ca.entity.RevocationReason;

/** Signs the next full CRL from the certificates now revoked or on hold and stores it. */
@Dependent
public class CrlPublisher {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    @Inject
    Clock clock;

    public PublishedCrl publish() {
        String issuer = keys.issuerDn();
        // a projection: 100,000 entities with their DER would be read for three fields
        List<RevokedEntry> entries = em.createQuery("select c.serialHex, c.revokedAt, c.revocationReason, "
                + "c.invalidityDate from IssuedCertificate c where c.issuerDn = :issuer and c.status in :statuses",
                Object[].class)
                .setParameter("issuer", issuer)
                .setParameter("statuses", CertificateStatus.revokedForRelyingParties())
                .getResultStream()
                .map(row -> new RevokedEntry(new BigInteger((String) row[0], 16), (Instant) row[1],
                        (RevocationReason) row[2], (Instant) row[3]))
                .toList();
        long number = latest().map(c -> c.crlNumber().longValueExact() + 1).orElse(1L);
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(keys.settings().crlValidity());
        byte[] der = new CrlBuilder(keys.ca()).full(BigInteger.valueOf(number), thisUpdate, nextUpdate, entries);
        PublishedCrl crl = new PublishedCrl(issuer, number, thisUpdate, nextUpdate, entries.size(), der);
        em.persist(crl);
        return crl;
    }

    public java.util.Optional<PublishedCrl> latest() {
        return em.createNamedQuery(PublishedCrl.LATEST, PublishedCrl.class).setParameter("issuer", keys.issuerDn())
                .setMaxResults(1).getResultStream().findFirst();
    }
}
