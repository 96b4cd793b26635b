package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CrlCounter;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.PublishedCrl;
import tw.fine.ra.ca.entity.RevocationReason;

/** Signs the next full CRL from the certificates now revoked or on hold and stores it; reads the latest. */
@Dependent
public class CrlPublisher {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    @Inject
    Clock clock;

    /**
     * Signs and stores the next CRL. The issuer's CRL counter is locked first, so a publication on
     * another node waits and then reads what this one committed; CRLs superseded before the last
     * one and past their nextUpdate, which no relying party may use any more, are deleted.
     */
    public PublishedCrl publish() {
        String issuer = keys.issuerDn();
        CrlCounter counter = lockedCounter(issuer);
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
        long number = counter.next();
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(keys.settings().crlValidity());
        byte[] der = new CrlBuilder(keys.ca()).full(BigInteger.valueOf(number), thisUpdate, nextUpdate, entries);
        PublishedCrl crl = new PublishedCrl(issuer, number, thisUpdate, nextUpdate, entries.size(), der);
        em.persist(crl);
        // the CRL this one supersedes stays until the next publication: a request that has just read it
        // as the latest must still find its bytes
        em.createQuery("select c from PublishedCrl c where c.issuerDn = :issuer and c.crlNumber < :superseded"
                        + " and c.nextUpdate < :now", PublishedCrl.class)
                .setParameter("issuer", issuer).setParameter("superseded", number - 1).setParameter("now", thisUpdate)
                .getResultList().forEach(em::remove);
        return crl;
    }

    /** The issuer's CRL counter, created (after the latest stored CRL) when missing; done at start. */
    public CrlCounter counter() {
        String issuer = keys.issuerDn();
        CrlCounter counter = em.find(CrlCounter.class, issuer);
        if (counter == null) {
            // a node doing the same at once fails on the key; its publications find this one's row
            counter = new CrlCounter(issuer, latest().map(c -> c.crlNumber().longValueExact()).orElse(0L));
            em.persist(counter);
            em.flush();
        }
        return counter;
    }

    private CrlCounter lockedCounter(String issuer) {
        CrlCounter counter = em.find(CrlCounter.class, issuer, LockModeType.PESSIMISTIC_WRITE);
        return counter != null ? counter : counter();
    }

    public java.util.Optional<PublishedCrl> latest() {
        return em.createNamedQuery(PublishedCrl.LATEST, PublishedCrl.class).setParameter("issuer", keys.issuerDn())
                .setMaxResults(1).getResultStream().findFirst();
    }
}
