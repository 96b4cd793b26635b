package tw.fine.ra.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final String GENESIS = "0".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Actor CLERK = new Actor("clerk1", "CLERK", "10.0.0.7");

    private static AuditRecord first(Instant at, Actor who, AuditEvent event, Outcome outcome, String subject,
            String detail) {
        return new AuditRecord(0, GENESIS, at, who, event, outcome, subject, detail);
    }

    private static AuditRecord sample() {
        return first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok");
    }

    @Test
    void theFirstRecordFollowsTheGenesisHashAsNumberOne() {
        AuditRecord r = sample();
        assertEquals(1, r.getSeq());
        assertEquals(GENESIS, r.getPrevHash());
        assertTrue(r.linksTo(GENESIS));
        assertTrue(r.getHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void theHashIsAFunctionOfTheFieldsOnly() {
        assertEquals(sample().getHash(), sample().getHash());
        assertEquals(sample().getHash(), sample().computeHash());
    }

    @Test
    void everyFieldChangesTheHash() {
        List<AuditRecord> variants = List.of(sample(),
                new AuditRecord(1, GENESIS, AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT.plusMillis(1), CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT, new Actor("clerk2", "CLERK", "10.0.0.7"), AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT, new Actor("clerk1", "OFFICER", "10.0.0.7"), AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT, new Actor("clerk1", "CLERK", "10.0.0.8"), AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT, CLERK, AuditEvent.SIGN_OUT, Outcome.SUCCESS, "clerk1", "ok"),
                first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.FAILURE, "clerk1", "ok"),
                first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk2", "ok"),
                first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "clerk1", "ok."),
                new AuditRecord(0, "1" + GENESIS.substring(1), AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS,
                        "clerk1", "ok"));
        Set<String> hashes = variants.stream().map(AuditRecord::getHash).collect(Collectors.toSet());
        assertEquals(variants.size(), hashes.size());
    }

    @Test
    void textCannotMoveBetweenFieldsWithoutChangingTheHash() {
        AuditRecord a = first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "ab", "c");
        AuditRecord b = first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "a", "bc");
        assertNotEquals(a.getHash(), b.getHash());
    }

    @Test
    void theNextRecordCarriesThePreviousHash() {
        AuditRecord one = sample();
        AuditRecord two = new AuditRecord(one.getSeq(), one.getHash(), AT, CLERK, AuditEvent.SIGN_OUT,
                Outcome.SUCCESS, "clerk1", "bye");
        assertEquals(2, two.getSeq());
        assertTrue(two.linksTo(one.getHash()));
        assertFalse(two.linksTo(GENESIS));
    }

    @Test
    void timeIsKeptAndHashedInMilliseconds() {
        AuditRecord r = first(Instant.parse("2026-11-25T10:15:30.123456789Z"), CLERK, AuditEvent.SIGN_IN,
                Outcome.SUCCESS, "clerk1", "ok");
        assertEquals(AT, r.getRecordedAt());
        assertEquals(sample().getHash(), r.getHash());
        assertEquals(r.getHash(), r.computeHash());
    }

    @Test
    void blankTextIsStoredAsADashAndLongTextIsClipped() {
        AuditRecord r = first(AT, CLERK, AuditEvent.SIGN_IN, Outcome.SUCCESS, "", "x".repeat(1200));
        assertEquals("-", r.getSubject());
        assertEquals(1000, r.getDetail().length());
        assertEquals(r.getHash(), r.computeHash());
    }
}
