package tw.fine.ra.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.entity.AuditHead;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.ChainVerdict;

/**
 * Walks the chain in sequence order from the genesis hash and names the first record where it
 * does not hold; a chain that holds is then held against the latest signed checkpoint kept outside
 * the database ({@link Checkpoints}), which catches a truncated or rewritten chain whose hashes were
 * recomputed. Reads only; appends may continue meanwhile and are walked too.
 */
@Dependent
public class ChainVerifier {

    public static final String GENESIS = "0".repeat(64);

    /** Records per read; rows are read as values, so nothing piles up in the persistence context. */
    static final int PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSearch search;

    @Inject
    Checkpoints checkpoints;

    private record Link(long seq, String hash) {
    }

    public ChainVerdict verify() {
        return checkpoints.check(walkToHead());
    }

    private ChainVerdict walkToHead() {
        Link head = head();
        Link last = new Link(0, GENESIS);
        while (head != null) {
            Walk walk = walk(last, head.seq());
            if (walk.verdict() != null) {
                return walk.verdict();
            }
            last = walk.last();
            if (last.seq() != head.seq()) {
                return ChainVerdict.broken(last.seq() + 1, BreakReason.SEQUENCE_GAP);
            }
            if (!last.hash().equals(head.hash())) {
                return ChainVerdict.broken(head.seq(), BreakReason.HEAD_MISMATCH);
            }
            // Rows past the head are foreign only if the head has not moved since we looked:
            // an append commits its record and the head together.
            boolean pastHead = existsAfter(head.seq());
            Link now = head();
            if (head.equals(now)) {
                return pastHead ? ChainVerdict.broken(head.seq() + 1, BreakReason.HEAD_MISMATCH) : outsideChain(head);
            }
            if (now != null && now.seq() < head.seq()) {
                break;
            }
            head = now;
        }
        return ChainVerdict.broken(last.seq(), BreakReason.HEAD_MISMATCH);
    }

    private record Walk(Link last, ChainVerdict verdict) {
    }

    private Walk walk(Link from, long upTo) {
        Link last = from;
        List<AuditEntry> page;
        do {
            page = search.ascending(AuditFilter.ALL, last.seq(), upTo, PAGE);
            for (AuditEntry r : page) {
                BreakReason reason = r.seq() != last.seq() + 1 ? BreakReason.SEQUENCE_GAP
                        : !r.prevHash().equals(last.hash()) ? BreakReason.BROKEN_LINK
                        : !r.isIntact() ? BreakReason.HASH_MISMATCH : null;
                if (reason != null) {
                    long seq = reason == BreakReason.SEQUENCE_GAP ? last.seq() + 1 : r.seq();
                    return new Walk(last, ChainVerdict.broken(seq, reason));
                }
                last = new Link(r.seq(), r.hash());
            }
        } while (page.size() == PAGE);
        return new Walk(last, null);
    }

    /** The chain starts at 1: a row numbered below that was moved there or slipped in. */
    private ChainVerdict outsideChain(Link head) {
        List<Long> stray = em.createQuery("select r.seq from AuditRecord r where r.seq < 1 order by r.seq", Long.class)
                .setMaxResults(1).getResultList();
        return stray.isEmpty() ? ChainVerdict.intact(head.seq())
                : ChainVerdict.broken(stray.get(0), BreakReason.SEQUENCE_GAP);
    }

    private boolean existsAfter(long seq) {
        return !em.createQuery("select r.seq from AuditRecord r where r.seq > ?1", Long.class)
                .setParameter(1, seq).setMaxResults(1).getResultList().isEmpty();
    }

    /** Read as values, never as a managed entity, so a second look sees what was committed since. */
    private Link head() {
        List<Object[]> rows = em.createQuery("select h.lastSeq, h.lastHash from AuditHead h where h.id = ?1",
                Object[].class).setParameter(1, AuditHead.ID).getResultList();
        return rows.isEmpty() ? null : new Link((Long) rows.get(0)[0], (String) rows.get(0)[1]);
    }
}
