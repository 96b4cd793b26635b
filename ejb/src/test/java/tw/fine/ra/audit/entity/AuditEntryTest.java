package tw.fine.ra.audit.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final AuditRecord RECORD = new AuditRecord(41, "ab".repeat(32), Instant.parse("2026-11-25T10:15:30.123Z"),
            new Actor("officer1", "OFFICER", "10.0.0.9"), AuditEvent.PASSWORD_RESET_APPROVED, Outcome.SUCCESS,
            "70759028-00-0007", "form F-1");
    private static final AuditEntry STORED = Entries.of(RECORD);

    @Test
    void aRowReadBackAsWrittenIsIntact() {
        assertTrue(STORED.isIntact());
    }

    @Test
    void anEditOfAnyStoredFieldIsSeen() {
        AuditEntry s = STORED;
        List<AuditEntry> edited = List.of(
                new AuditEntry(s.seq() + 1, s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt().plusMillis(1), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt().plusNanos(1_000), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), "officer2", s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), "CLERK", s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), "10.0.0.1", s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), "NO_SUCH_EVENT", s.outcome(), s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), "FAILURE", s.subject(), s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), "x", s.detail(), s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), "form F-2", s.prevHash(), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), "cd".repeat(32), s.hash()),
                new AuditEntry(s.seq(), s.recordedAt(), s.actor(), s.actorRole(), s.clientAddress(), s.event(), s.outcome(), s.subject(), s.detail(), s.prevHash(), "0" + s.hash().substring(1)));
        for (AuditEntry e : edited) {
            assertFalse(e.isIntact(), e::toString);
        }
    }
}
