package tw.fine.ra.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResumeChallengeTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T04:00:00Z");

    private ResumeChallenge challenge() {
        return new ResumeChallenge("nonce", "70759028-00-0007", "https://localhost:8443", ISSUED,
                ISSUED.plusSeconds(120));
    }

    @Test
    void theFirstUseBeforeExpiryByItsSubscriberSucceedsAndSpendsIt() {
        ResumeChallenge c = challenge();
        assertTrue(c.spend("70759028-00-0007", ISSUED.plusSeconds(30)));
        assertFalse(c.spend("70759028-00-0007", ISSUED.plusSeconds(31)), "single use");
    }

    @Test
    void anExpiredNonceFailsAndIsSpent() {
        ResumeChallenge c = challenge();
        assertFalse(c.spend("70759028-00-0007", ISSUED.plusSeconds(120)));
        assertNotNull(c.spentAt());
    }

    @Test
    void anotherSubscribersAttemptFailsAndSpendsIt() {
        ResumeChallenge c = challenge();
        assertFalse(c.spend("70759028-00-0008", ISSUED.plusSeconds(1)));
        assertFalse(c.spend("70759028-00-0007", ISSUED.plusSeconds(2)), "spent by the failed attempt");
    }
}
