package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CrlCounter;
import tw.fine.ra.ca.entity.PublishedCrl;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * Signs the next full or delta CRL from the certificates now revoked or on hold and stores it; reads
 * the latest of each.
 */
@Dependent
public class CrlPublisher {

    /** Rows the database hands over at a time while a CRL is built: the revoked set is never held whole. */
    static final int FETCH_SIZE = 1_000;

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    @Inject
    Clock clock;

    @Inject
    CrlBytes bytes;

    /**
     * Signs and stores the next full CRL. The issuer's CRL counter is locked first, so a publication
     * on another node waits and then reads what this one committed; CRLs superseded before the last
     * full one and past their nextUpdate, which no relying party may use any more, are deleted.
     */
    public PublishedCrl publish() {
        String issuer = keys.issuerDn();
        CrlCounter counter = lockedCounter(issuer);
        Optional<PublishedCrl> superseded = latest();
        long number = counter.next();
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(keys.settings().crlValidity());
        int[] count = {0};
        byte[] der;
        try (Stream<RevokedEntry> entries = revokedInSerialOrder(issuer)) {
            der = new CrlBuilder(keys.ca(), keys.settings().deltaCrlUrl()).full(BigInteger.valueOf(number), thisUpdate,
                    nextUpdate, () -> entries.peek(e -> count[0]++).iterator());
        }
        PublishedCrl crl = new PublishedCrl(issuer, number, thisUpdate, nextUpdate, count[0], der);
        em.persist(crl);
        // the CRL this one supersedes stays until the next publication: a request that has just read it
        // as the latest must still find its bytes
        superseded.ifPresent(previous -> prune(em.createQuery("select c from PublishedCrl c where c.issuerDn = :issuer"
                + " and c.crlNumber < :superseded and c.nextUpdate < :now", PublishedCrl.class), issuer, previous,
                thisUpdate));
        return crl;
    }

    /**
     * Signs and stores the next delta CRL: what changed since the latest full CRL, under the same
     * counter lock and numbers. Without a full CRL yet, publishes the first full one instead.
     */
    public PublishedCrl publishDelta() {
        String issuer = keys.issuerDn();
        CrlCounter counter = lockedCounter(issuer);
        Optional<PublishedCrl> base = latest();
        if (base.isEmpty()) {
            return publish();
        }
        Optional<PublishedCrl> superseded = latestDelta();
        CrlChanges changes;
        try (Stream<RevokedEntry> entries = revokedInSerialOrder(issuer)) {
            changes = CrlChanges.since(bytes.of(base.get()), entries::iterator);
        }
        long number = counter.next();
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(keys.settings().deltaCrlValidity());
        byte[] der = new CrlBuilder(keys.ca()).delta(BigInteger.valueOf(number), base.get().crlNumber(), thisUpdate,
                nextUpdate, changes);
        PublishedCrl crl = PublishedCrl.delta(issuer, number, base.get().crlNumber().longValueExact(), thisUpdate,
                nextUpdate, changes.listed().size() + changes.removed().size(), der);
        em.persist(crl);
        superseded.ifPresent(previous -> prune(em.createQuery("select c from PublishedCrl c where c.issuerDn = :issuer"
                + " and c.baseNumber is not null and c.crlNumber < :superseded and c.nextUpdate < :now",
                PublishedCrl.class), issuer, previous, thisUpdate));
        return crl;
    }

    private void prune(TypedQuery<PublishedCrl> older, String issuer, PublishedCrl superseded, Instant now) {
        older.setParameter("issuer", issuer).setParameter("superseded", superseded.crlNumber().longValueExact())
                .setParameter("now", now).getResultList().forEach(em::remove);
    }

    /**
     * Every entry of a full CRL, in serial order (serials are hex without leading zeros: shorter is
     * smaller), fetched from the database as the caller reads them.
     */
    private Stream<RevokedEntry> revokedInSerialOrder(String issuer) {
        return em.createQuery("select c.serialHex, c.revokedAt, c.revocationReason, c.invalidityDate"
                + " from IssuedCertificate c where c.issuerDn = :issuer and c.status in :statuses"
                + " order by length(c.serialHex), c.serialHex", Object[].class)
                .setParameter("issuer", issuer)
                .setParameter("statuses", CertificateStatus.revokedForRelyingParties())
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .map(row -> new RevokedEntry(new BigInteger((String) row[0], 16), (Instant) row[1],
                        (RevocationReason) row[2], (Instant) row[3]));
    }

    /** The issuer's CRL counter, created (after the latest stored CRL) when missing; done at start. */
    public CrlCounter counter() {
        String issuer = keys.issuerDn();
        CrlCounter counter = em.find(CrlCounter.class, issuer);
        if (counter == null) {
            // a node doing the same at once fails on the key; its publications find this one's row
            Long last = em.createQuery("select max(c.crlNumber) from PublishedCrl c where c.issuerDn = :issuer",
                    Long.class).setParameter("issuer", issuer).getSingleResult();
            counter = new CrlCounter(issuer, last == null ? 0L : last);
            em.persist(counter);
            em.flush();
        }
        return counter;
    }

    private CrlCounter lockedCounter(String issuer) {
        CrlCounter counter = em.find(CrlCounter.class, issuer, LockModeType.PESSIMISTIC_WRITE);
        return counter != null ? counter : counter();
    }

    /** The latest full CRL. */
    public Optional<PublishedCrl> latest() {
        return latest(PublishedCrl.LATEST);
    }

    /** The latest delta CRL. */
    public Optional<PublishedCrl> latestDelta() {
        return latest(PublishedCrl.LATEST_DELTA);
    }

    private Optional<PublishedCrl> latest(String query) {
        return em.createNamedQuery(query, PublishedCrl.class).setParameter("issuer", keys.issuerDn())
                .setMaxResults(1).getResultStream().findFirst();
    }
}
