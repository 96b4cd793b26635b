package tw.fine.ra.ca.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
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

    /** Rows the database hands over at a time while the revoked set is read. */
    static final int FETCH_SIZE = 1_000;

    private static final Comparator<RevokedEntry> IN_SERIAL_ORDER = Comparator.comparing(RevokedEntry::serial);

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    /** The persistence unit's; in a transaction it gives the transaction's connection. */
    @Resource(lookup = "java:jboss/datasources/FineDS")
    DataSource database;

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
        List<RevokedEntry> entries = revoked(issuer);
        entries.sort(IN_SERIAL_ORDER);
        byte[] der = new CrlBuilder(keys.ca(), keys.settings().deltaCrlUrl()).full(BigInteger.valueOf(number),
                thisUpdate, nextUpdate, entries);
        PublishedCrl crl = new PublishedCrl(issuer, number, thisUpdate, nextUpdate, entries.size(), der);
        em.persist(crl);
        bytes.remember(crl, der);
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
        CrlChanges changes = CrlChanges.since(bytes.of(base.get()), revoked(issuer));
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
     * Every entry of a full CRL, in no particular order. Read with plain JDBC in the transaction,
     * {@value #FETCH_SIZE} rows at a time, from the index {@code ca_certificate_crl} alone (it holds
     * every column read): through a JPA query, Hibernate's handling of 100,000 rows cost several
     * times the database's read (ADR 0012).
     */
    private List<RevokedEntry> revoked(String issuer) {
        Set<CertificateStatus> statuses = CertificateStatus.revokedForRelyingParties();
        String sql = "select serial_hex, revoked_at, revocation_reason, invalidity_date from ca_certificate"
                + " where issuer_dn = ? and status in (" + String.join(", ", Collections.nCopies(statuses.size(), "?"))
                + ")";
        List<RevokedEntry> entries = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            int parameter = 1;
            query.setString(parameter++, issuer);
            for (CertificateStatus status : statuses) {
                query.setString(parameter++, status.name());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String reason = rows.getString(3);
                    entries.add(new RevokedEntry(new BigInteger(rows.getString(1), 16), instant(rows, 2),
                            reason == null ? null : RevocationReason.valueOf(reason), instant(rows, 4)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the revoked certificates of " + issuer, e);
        }
        return entries;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
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
