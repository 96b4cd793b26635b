package tw.fine.ra.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.fine.ra.audit.entity.AuditCheckpoint;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.ChainVerdict;
import tw.fine.ra.audit.entity.Checkpoint;
import tw.fine.ra.platform.Settings;

/**
 * Signed checkpoints of the chain (ADR 0009): signs the head into the table and, once that
 * commits, into the checkpoint file outside the database; checks a walked chain against the latest
 * checkpoint of the file.
 */
@Dependent
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSigningKey key;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Event<Checkpoint> signed;

    /**
     * Signs record {@code seq} with its stored hash, in the caller's transaction; the file gets the
     * line only if that commits, so it never holds a checkpoint the database rolled back.
     */
    public Checkpoint sign(long seq) {
        String hash = hashOf(seq).orElseThrow(() -> new IllegalStateException("no audit record " + seq));
        Checkpoint checkpoint = new CheckpointSignature(key).sign(seq, hash, clock.instant());
        em.persist(new AuditCheckpoint(checkpoint));
        signed.fire(checkpoint);
        return checkpoint;
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) Checkpoint checkpoint) {
        try {
            file().append(checkpoint);
        } catch (RuntimeException e) {
            // the table has it; the file keeps its previous checkpoint, which still checks
            LOG.log(Level.SEVERE, "audit checkpoint at record " + checkpoint.seq() + " not written to "
                    + file().path(), e);
        }
    }

    /** The highest record number signed in the table; 0 if none. */
    private long latestSignedSeq() {
        Long seq = em.createQuery("select max(c.seq) from AuditCheckpoint c", Long.class).getSingleResult();
        return seq == null ? 0 : seq;
    }

    /**
     * The highest record number signed in the file outside the database; 0 if none. The table's
     * number would do as well, but anyone who can write to the database could set it high to stop
     * the signing.
     */
    public long latestSignedSeqOutside() {
        return file().latest().map(Checkpoint::seq).orElse(0L);
    }

    /**
     * A chain whose walk held, held against the latest checkpoint outside the database: its record
     * must still be there with the signed hash, and the table must hold the same checkpoint.
     */
    public ChainVerdict check(ChainVerdict walked) {
        if (!walked.isIntact()) {
            return walked;
        }
        Optional<Checkpoint> outside = file().latest();
        if (outside.isEmpty()) {
            long inTable = latestSignedSeq();
            return inTable == 0 ? walked : ChainVerdict.broken(inTable, BreakReason.CHECKPOINT_TABLE_MISMATCH);
        }
        Checkpoint checkpoint = outside.get();
        BreakReason reason = against(checkpoint);
        return reason == null ? walked : ChainVerdict.broken(checkpoint.seq(), reason);
    }

    /** Why the database does not hold what the checkpoint signed; null when it does. */
    private BreakReason against(Checkpoint checkpoint) {
        if (!new CheckpointSignature(key).isGenuine(checkpoint)) {
            return BreakReason.CHECKPOINT_FORGED;
        }
        Optional<String> hash = hashOf(checkpoint.seq());
        if (hash.isEmpty()) {
            return BreakReason.CHECKPOINT_TRUNCATED;
        }
        if (!hash.get().equals(checkpoint.hash())) {
            return BreakReason.CHECKPOINT_REWRITTEN;
        }
        return inTable(checkpoint) ? null : BreakReason.CHECKPOINT_TABLE_MISMATCH;
    }

    private Optional<String> hashOf(long seq) {
        List<String> hashes = em.createQuery("select r.hash from AuditRecord r where r.seq = ?1", String.class)
                .setParameter(1, seq).getResultList();
        return hashes.stream().findFirst();
    }

    /** The signature is random per signing, so it names one checkpoint. */
    private boolean inTable(Checkpoint checkpoint) {
        return !em.createQuery("select c.id from AuditCheckpoint c where c.seq = ?1 and c.hash = ?2"
                + " and c.keyId = ?3 and c.signature = ?4", Long.class)
                .setParameter(1, checkpoint.seq()).setParameter(2, checkpoint.hash())
                .setParameter(3, checkpoint.keyId()).setParameter(4, checkpoint.signature())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private CheckpointFile file() {
        return new CheckpointFile(settings.auditCheckpointDirectory());
    }
}
