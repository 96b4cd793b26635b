package tw.fine.ra.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.boundary.AuditCheckpoints;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.control.ChainVerifier;
import tw.fine.ra.audit.control.CheckpointFile;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditRecord;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.ChainVerdict;
import tw.fine.ra.audit.entity.Checkpoint;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.it.support.Deployments;

/**
 * The chain against someone with write access to the database: every edit, deletion and head
 * change is found at the row where it was made; a truncation or a rewrite with recomputed hashes is
 * found against the last signed checkpoint kept outside the database (ADR 0009). The verifier is called directly, so that its
 * own audit record does not build on a chain the test has broken on purpose; each test
 * restores what it changed.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    private static final Actor TESTER = new Actor("chain-it", "CLERK", "192.0.2.1");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AuditChainIT.class, AuditTable.class);
    }

    @Inject
    ChainVerifier verifier;

    @EJB
    AuditTrail trail;

    @EJB
    AuditCheckpoints checkpoints;

    @Inject
    Settings settings;

    @Resource(lookup = "java:jboss/datasources/FineDS")
    DataSource db;

    private AuditTable table;

    @BeforeEach
    void chainIsIntactBefore() {
        table = new AuditTable(db);
        ChainVerdict before = verifier.verify();
        assertTrue(before.isIntact(), () -> "the chain must be intact before the test: " + before);
    }

    @Test
    void auditTamperIsDetected() throws Exception {
        long seq = append(3).get(1);
        Map<String, Object> row = table.row("audit_record", "seq = ?", seq);
        List<String> missed = new ArrayList<>();
        int edits = 0;
        for (String column : row.keySet()) {
            for (Object edited : AuditTable.edits(row.get(column), 1_000_000_000_000L)) {
                ChainVerdict verdict = withEdit(column, row.get(column), edited, seq);
                BreakReason expected = switch (column) {
                    case "seq" -> BreakReason.SEQUENCE_GAP;
                    case "prev_hash" -> BreakReason.BROKEN_LINK;
                    default -> BreakReason.HASH_MISMATCH;
                };
                if (!verdict.equals(ChainVerdict.broken(seq, expected))) {
                    missed.add(column + " := " + edited + " gave " + verdict);
                }
                edits++;
            }
        }
        assertEquals(List.of(), missed);
        assertTrue(edits > row.size(), "every column edited at least once");
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    private ChainVerdict withEdit(String column, Object original, Object edited, long seq) throws Exception {
        String sql = "UPDATE audit_record SET " + column + " = ? WHERE seq = ?";
        table.update(sql, edited, seq);
        try {
            return verifier.verify();
        } finally {
            table.update(sql, original, column.equals("seq") ? edited : seq);
        }
    }

    @Test
    void deletedRecordIsDetected() throws Exception {
        List<Long> seqs = append(3);
        for (long seq : List.of(seqs.get(1), seqs.get(2))) { // one inside the chain, the last one
            Map<String, Object> row = table.row("audit_record", "seq = ?", seq);
            table.update("DELETE FROM audit_record WHERE seq = ?", seq);
            try {
                assertEquals(ChainVerdict.broken(seq, BreakReason.SEQUENCE_GAP), verifier.verify());
            } finally {
                table.insert("audit_record", row);
            }
        }
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    @Test
    void editedHeadIsDetected() throws Exception {
        append(2);
        Map<String, Object> head = table.row("audit_head", "id = ?", 1);
        List<String> missed = new ArrayList<>();
        for (String column : head.keySet()) {
            for (Object edited : AuditTable.edits(head.get(column), -1)) {
                String sql = "UPDATE audit_head SET " + column + " = ? WHERE id = ?";
                table.update(sql, edited, 1);
                ChainVerdict verdict;
                try {
                    verdict = verifier.verify();
                } finally {
                    table.update(sql, head.get(column), column.equals("id") ? edited : 1);
                }
                if (verdict.isIntact() || verdict.reason() != BreakReason.HEAD_MISMATCH) {
                    missed.add(column + " := " + edited + " gave " + verdict);
                }
            }
        }
        assertEquals(List.of(), missed);
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    @Test
    void twentyConcurrentAppendsLeaveAnUnbrokenChain() throws Exception {
        String subject = "concurrent " + UUID.randomUUID();
        long before = table.headSeq();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String detail = "thread " + i;
                appends.add(pool.submit(() -> {
                    start.await();
                    trail.failure(TESTER, AuditEvent.SIGN_IN, subject, detail);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> append : appends) {
                append.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = table.seqsWithSubject(subject);
        assertEquals(20, new HashSet<>(seqs).size());
        assertEquals(before + 20, table.headSeq(), "exactly twenty new records");
        assertEquals(ChainVerdict.intact(before + 20), verifier.verify());
    }

    /**
     * Issue 9 item 13: the rows from a record on deleted and the head set back to the record before,
     * so the chain alone holds (the verification said "intact" before checkpoints). The last signed
     * checkpoint, read from the file outside the database, still names the deleted head.
     */
    @Test
    void aTailTruncatedBeforeTheLastCheckpointIsReported() throws Exception {
        long from = append(3).get(1);
        long signed = signCheckpoint();
        AuditTable.Snapshot before = table.snapshotFrom(from);
        Map<String, Object> kept = table.row("audit_record", "seq = ?", from - 1);
        table.update("DELETE FROM audit_record WHERE seq >= ?", from);
        table.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", from - 1, kept.get("hash"));
        try {
            assertEquals(ChainVerdict.broken(signed, BreakReason.CHECKPOINT_TRUNCATED), verifier.verify());
            assertEquals(ChainVerdict.broken(signed, BreakReason.CHECKPOINT_TRUNCATED), checkpoints.verifyAndSign());
            assertEquals(signed, latestInFile().seq(), "a truncated chain is never signed");
        } finally {
            table.restore(before);
        }
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    /**
     * Issue 9 item 13: a record edited and every hash from it to the head recomputed, the head
     * too, as someone with the source and database access would: the chain alone holds, the
     * checkpointed record's hash does not.
     */
    @Test
    void aRecordRewrittenBeforeTheLastCheckpointWithAllHashesRecomputedIsReported() throws Exception {
        long from = append(3).get(0);
        long signed = signCheckpoint();
        AuditTable.Snapshot before = table.snapshotFrom(from);
        try {
            String prevHash = (String) table.row("audit_record", "seq = ?", from - 1).get("hash");
            for (Map<String, Object> row : before.records()) {
                String detail = (long) row.get("seq") == from ? "nothing happened here" : (String) row.get("detail");
                String hash = new AuditRecord((long) row.get("seq") - 1, prevHash,
                        ((OffsetDateTime) row.get("recorded_at")).toInstant(),
                        new Actor((String) row.get("actor"), (String) row.get("actor_role"), (String) row.get("client_address")),
                        AuditEvent.valueOf((String) row.get("event")), Outcome.valueOf((String) row.get("outcome")),
                        (String) row.get("subject"), detail).getHash();
                table.update("UPDATE audit_record SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?", detail,
                        prevHash, hash, row.get("seq"));
                prevHash = hash;
            }
            table.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", prevHash);

            assertEquals(ChainVerdict.broken(signed, BreakReason.CHECKPOINT_REWRITTEN), verifier.verify());
        } finally {
            table.restore(before);
        }
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    /** The database's copy of the checkpoints is compared with the file's: a deleted row is reported. */
    @Test
    void aCheckpointTableThatDisagreesWithTheFileIsReported() throws Exception {
        append(1);
        long signed = signCheckpoint();
        List<Map<String, Object>> rows = table.rows("audit_checkpoint", "seq = ?", signed);
        table.update("DELETE FROM audit_checkpoint WHERE seq = ?", signed);
        try {
            assertEquals(ChainVerdict.broken(signed, BreakReason.CHECKPOINT_TABLE_MISMATCH), verifier.verify());
        } finally {
            for (Map<String, Object> row : rows) {
                table.insert("audit_checkpoint", row);
            }
        }
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    /** A line added to the checkpoint file without the audit key (here: a signature moved to another time) is reported. */
    @Test
    void aCheckpointLineWithoutTheAuditKeysSignatureIsReported() throws Exception {
        append(1);
        signCheckpoint();
        Checkpoint genuine = latestInFile();
        Path file = new CheckpointFile(settings.auditCheckpointDirectory()).path();
        long size = Files.size(file);
        Checkpoint moved = new Checkpoint(genuine.seq(), genuine.hash(), genuine.signedAt().plusSeconds(1),
                genuine.keyId(), genuine.signature());
        Files.writeString(file, moved.line() + "\n", StandardOpenOption.APPEND);
        try {
            assertEquals(ChainVerdict.broken(genuine.seq(), BreakReason.CHECKPOINT_FORGED), verifier.verify());
        } finally {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
        }
        assertTrue(verifier.verify().isIntact(), "restored");
    }

    /** Verifies and signs the head as the schedule does; the head it signed. */
    private long signCheckpoint() {
        ChainVerdict verdict = checkpoints.verifyAndSign();
        assertTrue(verdict.isIntact(), verdict::toString);
        assertEquals(verdict.lastSeq(), latestInFile().seq(), "the head is signed into the file");
        return verdict.lastSeq();
    }

    private Checkpoint latestInFile() {
        return new CheckpointFile(settings.auditCheckpointDirectory()).latest().orElseThrow();
    }

    private List<Long> append(int n) throws Exception {
        String subject = "tamper " + UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            trail.failure(TESTER, AuditEvent.SIGN_IN, subject, "record " + i);
        }
        return table.seqsWithSubject(subject);
    }
}
