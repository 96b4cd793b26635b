package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notAfter: two years of whole Taipei days, ending 23:59:59 Asia/Taipei the day before the anniversary. */
class CertificateValidityTest {

    @TempDir
    static Path dir;
    static CertificateIssuer issuer;
    static TestCa ca;

    @BeforeAll
    static void createCa() {
        ca = new TestCa(dir);
        issuer = ca.issuer;
    }

    @Test
    void aCertificateIssuedInTheDayEndsAtTaipeiMidnightOfTheDayBeforeTheAnniversary() {
        assertEquals(taipei("2028-11-24T23:59:59"), issuer.notAfter(taipei("2026-11-25T18:00:00")));
    }

    @Test
    void theLastSecondOfATaipeiDayCountsAsThatDayThoughItIsAfternoonInUtc() {
        assertEquals(taipei("2028-11-24T23:59:59"), issuer.notAfter(taipei("2026-11-25T23:59:59")));
    }

    @Test
    void taipeiMidnightStartsTheNextDayThoughItIsStillTheDayBeforeInUtc() {
        // 2026-11-26T00:00 in Taipei is 2026-11-25T16:00Z
        assertEquals(taipei("2028-11-25T23:59:59"), issuer.notAfter(taipei("2026-11-26T00:00:00")));
    }

    @Test
    void aLeapDayIssuanceEndsOnTheLastDayOfFebruaryTwoYearsLater() {
        assertEquals(taipei("2030-02-28T23:59:59"), issuer.notAfter(taipei("2028-02-29T09:30:00")));
        assertEquals(taipei("2030-02-27T23:59:59"), issuer.notAfter(taipei("2028-02-28T09:30:00")));
        assertEquals(taipei("2030-02-28T23:59:59"), issuer.notAfter(taipei("2028-03-01T09:30:00")));
    }

    @Test
    void aPeriodThatEndsInALeapYearEndsOnFebruary29() {
        assertEquals(taipei("2028-02-29T23:59:59"), issuer.notAfter(taipei("2026-03-01T00:00:00")));
    }

    @Test
    void neverBeyondTheIssuingCasOwnNotAfter() {
        Instant caEnd = ca.ca.certificate().getNotAfter().toInstant();

        assertEquals(caEnd, issuer.notAfter(caEnd.minus(Duration.ofDays(30))));
    }

    private static Instant taipei(String localTime) {
        return OffsetDateTime.parse(localTime + "+08:00").toInstant();
    }
}
