package tw.fine.ra.it.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.boundary.AuditReading;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.control.CheckpointFile;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.ChainVerdict;
import tw.fine.ra.audit.entity.Checkpoint;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.platform.Settings;

/** The auditor's side: only auditors read; filters, paging, CSV export and verification, each recorded. */
@ExtendWith(ArquillianExtension.class)
class AuditReadingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AuditReadingIT.class, AsAuditor.class, AuditTable.class);
    }

    @EJB
    AuditReading reading;

    @EJB
    AsAuditor auditor;

    @EJB
    AuditTrail trail;

    @Inject
    Settings settings;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/FineDS")
    DataSource db;

    private String actor;
    private Instant start;

    /** Five records by one new actor: three failed sign-ins, then a sign-out and a password change. */
    @BeforeEach
    void fiveRecords() throws Exception {
        actor = "Reader-" + UUID.randomUUID();
        start = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            trail.failure(new Actor(actor + "-" + i, "SUBSCRIBER", "192.0.2.7"), AuditEvent.SIGN_IN, "s", "wrong password");
        }
        tx.begin();
        trail.success(new Actor(actor + "-3", "SUBSCRIBER", "192.0.2.7"), AuditEvent.SIGN_OUT, "s", "bye, \"friend\"");
        trail.success(new Actor(actor + "-4", "SUBSCRIBER", "192.0.2.7"), AuditEvent.PASSWORD_CHANGE, "s", "=1+2");
        tx.commit();
    }

    @Test
    void onlyAuditorsRead() {
        assertThrows(EJBAccessException.class, () -> reading.count(AuditFilter.ALL));
        assertThrows(EJBAccessException.class, () -> reading.verify("192.0.2.1"));
    }

    @Test
    void filtersMatchActorIgnoringCaseEventOutcomeAndTime() {
        String part = actor.toUpperCase(Locale.ROOT);
        assertEquals(5, auditor.count(new AuditFilter(null, null, part, null, null)));
        assertEquals(3, auditor.count(new AuditFilter(null, null, part, null, Outcome.FAILURE)));
        assertEquals(1, auditor.count(new AuditFilter(null, null, part, AuditEvent.PASSWORD_CHANGE, Outcome.SUCCESS)));
        assertEquals(5, auditor.count(new AuditFilter(start, Instant.now().plusSeconds(1), part, null, null)));
        assertEquals(0, auditor.count(new AuditFilter(null, start, part, null, null)));
        assertEquals(0, auditor.count(new AuditFilter(null, null, actor.replace('-', '_'), null, null)), "_ is no wildcard");
    }

    @Test
    void pagesListNewestFirst() {
        AuditFilter mine = new AuditFilter(null, null, actor, null, null);
        List<String> firstPage = actors(auditor.find(mine, 0, 2));
        List<String> secondPage = actors(auditor.find(mine, 2, 2));
        List<String> lastPage = actors(auditor.find(mine, 4, 2));
        assertEquals(List.of(actor + "-4", actor + "-3"), firstPage);
        assertEquals(List.of(actor + "-2", actor + "-1"), secondPage);
        assertEquals(List.of(actor + "-0"), lastPage);
    }

    @Test
    void exportHoldsEveryColumnOfTheMatchingRecordsAndIsRecorded() {
        AuditFilter mine = new AuditFilter(null, null, actor, null, null);
        byte[] csv = auditor.export(mine);

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        List<String> lines = Arrays.asList(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals(6, lines.size(), () -> String.join("\n", lines));
        assertEquals("seq,recorded_at,actor,actor_role,client_address,event,outcome,subject,detail,prev_hash,hash",
                lines.get(0));
        AuditEntry oldest = auditor.find(mine, 4, 1).get(0);
        assertTrue(lines.get(1).startsWith(oldest.getSeq() + ","), lines.get(1));
        assertTrue(lines.get(1).endsWith("," + oldest.getPrevHash() + "," + oldest.getHash()), lines.get(1));
        assertTrue(lines.get(4).contains(",\"bye, \"\"friend\"\"\","), lines.get(4));
        assertTrue(lines.get(5).contains(",'=1+2,"), lines.get(5));

        List<AuditEntry> records = auditor.find(new AuditFilter(null, null, null, AuditEvent.AUDIT_EXPORTED, null), 0, 2);
        AuditEntry exported = records.get(0);
        assertTrue(records.get(1).getDetail().startsWith("started ") && records.get(1).getDetail().contains(actor),
                "recorded when it started: " + records.get(1).getDetail());
        assertEquals(Outcome.SUCCESS.name(), exported.getOutcome());
        assertEquals("AUDITOR", exported.getActorRole());
        assertEquals(AsAuditor.CLIENT, exported.getClientAddress());
        assertTrue(exported.getDetail().startsWith("rows=5 ") && exported.getDetail().contains(actor), exported.getDetail());
    }

    /** Issue 9 item 14: who started an export is known even when it never finished. */
    @Test
    void anExportThatBreaksOffIsStillRecordedAsStarted() {
        AuditFilter mine = new AuditFilter(null, null, actor, null, null);
        assertThrows(RuntimeException.class, () -> auditor.exportBrokenOffAfter(mine, 100));
        AuditEntry started = latest(AuditEvent.AUDIT_EXPORTED);
        assertEquals("AUDITOR", started.getActorRole());
        assertTrue(started.getDetail().startsWith("started ") && started.getDetail().contains(actor),
                started.getDetail());
    }

    @Test
    void verificationReportsAnIntactChainAndIsRecorded() {
        var verdict = auditor.verify();
        assertTrue(verdict.isIntact(), verdict::toString);

        AuditEntry verified = latest(AuditEvent.AUDIT_VERIFIED);
        assertEquals(Outcome.SUCCESS.name(), verified.getOutcome());
        assertEquals(verdict.toString(), verified.getDetail());
        assertEquals(verdict.lastSeq() + 1, verified.getSeq());
    }

    /** Issue 9 item 13: the auditor's verification signs the head it verified, in the table and the file. */
    @Test
    void verificationSignsTheVerifiedHeadIntoTheTableAndTheFileOutsideTheDatabase() throws Exception {
        var verdict = auditor.verify();

        Checkpoint signed = new CheckpointFile(settings.auditCheckpointDirectory()).latest().orElseThrow();
        AuditTable table = new AuditTable(db);
        assertEquals(verdict.lastSeq(), signed.seq());
        assertEquals(table.row("audit_record", "seq = ?", signed.seq()).get("hash"), signed.hash());
        assertEquals(signed.keyId(), table.row("audit_checkpoint", "signature = ?", signed.signature()).get("key_id"));
    }

    @Test
    void aBrokenChainIsReportedAndRecordedAsAFailure() throws Exception {
        AuditTable table = new AuditTable(db);
        AuditEntry mine = auditor.find(new AuditFilter(null, null, actor, null, null), 2, 1).get(0);
        String sql = "UPDATE audit_record SET detail = ? WHERE seq = ?";
        table.update(sql, "edited", mine.seq());
        ChainVerdict verdict;
        try {
            verdict = auditor.verify();
        } finally {
            table.update(sql, mine.detail(), mine.seq());
        }
        assertEquals(ChainVerdict.broken(mine.seq(), BreakReason.HASH_MISMATCH), verdict);
        AuditEntry verified = latest(AuditEvent.AUDIT_VERIFIED);
        assertEquals(Outcome.FAILURE.name(), verified.outcome());
        assertEquals(verdict.toString(), verified.detail());
        // the failure record was appended to an intact head, so with the row restored all holds again
        assertTrue(auditor.verify().isIntact());
    }

    private AuditEntry latest(AuditEvent event) {
        return auditor.find(new AuditFilter(null, null, null, event, null), 0, 1).get(0);
    }

    private static List<String> actors(List<AuditEntry> records) {
        return records.stream().map(AuditEntry::actor).toList();
    }
}
