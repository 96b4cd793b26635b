package tw.fine.ra.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.audit.control.ChainVerifier;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.ChainVerdict;

/**
 * The chain against someone with write access to the database: every edit, deletion and head
 * change is found at the row where it was made. The verifier is called directly, so that its
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

    private List<Long> append(int n) throws Exception {
        String subject = "tamper " + UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            trail.failure(TESTER, AuditEvent.SIGN_IN, subject, "record " + i);
        }
        return table.seqsWithSubject(subject);
    }
}
