package tw.fine.ra.ca.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.ca.entity.CertificateStatus.ACTIVE;
import static tw.fine.ra.ca.entity.CertificateStatus.EXPIRED;
import static tw.fine.ra.ca.entity.CertificateStatus.ISSUED_NOT_ON_CARD;
import static tw.fine.ra.ca.entity.CertificateStatus.ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.REVOKED;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.EXPIRE;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.PUT_ON_CARD;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.RELEASE;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.REVOKE;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateStatusTest {

    @Test
    void aCertificateNotOnTheCardCanBeActivatedRevokedOrExpireButNotHeld() {
        assertTrue(ISSUED_NOT_ON_CARD.canMoveTo(ACTIVE));
        assertTrue(ISSUED_NOT_ON_CARD.canMoveTo(REVOKED));
        assertTrue(ISSUED_NOT_ON_CARD.canMoveTo(EXPIRED));
        assertFalse(ISSUED_NOT_ON_CARD.canMoveTo(ON_HOLD));
    }

    @Test
    void holdAndReleaseGoBackAndForth() {
        assertTrue(ACTIVE.canMoveTo(ON_HOLD));
        assertTrue(ON_HOLD.canMoveTo(ACTIVE));
        assertTrue(ON_HOLD.canMoveTo(REVOKED));
    }

    @Test
    void revokedAndExpiredAreFinal() {
        for (CertificateStatus next : CertificateStatus.values()) {
            assertFalse(REVOKED.canMoveTo(next), "REVOKED -> " + next);
            assertFalse(EXPIRED.canMoveTo(next), "EXPIRED -> " + next);
        }
    }

    @Test
    void noStatusMovesToItself() {
        for (CertificateStatus s : CertificateStatus.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }

    @Test
    void eachStepStartsOnlyWhereItsNameSays() {
        // ON_HOLD -> ACTIVE is a legal move, but only as a release: a held card is not "written" again
        assertTrue(ON_HOLD.canMoveTo(ACTIVE));
        assertFalse(PUT_ON_CARD.startsFrom(ON_HOLD));
        assertTrue(PUT_ON_CARD.startsFrom(ISSUED_NOT_ON_CARD));
        assertFalse(RELEASE.startsFrom(ACTIVE));
        assertFalse(HOLD.startsFrom(ISSUED_NOT_ON_CARD));
        assertEquals(List.of(ISSUED_NOT_ON_CARD, ACTIVE, ON_HOLD), EXPIRE.from());
    }

    @Test
    void aHeldCertificateCannotBePutOnTheCardAgain() {
        IssuedCertificate cert = certificate();
        Instant at = Instant.parse("2026-11-25T01:00:00Z");
        cert.take(PUT_ON_CARD, at, null);
        cert.take(HOLD, at, RevocationReason.CERTIFICATE_HOLD);

        assertFalse(cert.take(PUT_ON_CARD, at, null));
        assertEquals(ON_HOLD, cert.status());
        assertEquals(RevocationReason.CERTIFICATE_HOLD, cert.revocationReason());
    }

    @Test
    void releasingAHoldClearsItsReasonAndTime() {
        IssuedCertificate cert = certificate();
        Instant at = Instant.parse("2026-11-25T01:00:00Z");

        assertTrue(cert.take(PUT_ON_CARD, at, null));
        assertTrue(cert.take(HOLD, at, RevocationReason.CERTIFICATE_HOLD));
        assertEquals(RevocationReason.CERTIFICATE_HOLD, cert.revocationReason());
        assertEquals(at, cert.revokedAt());

        assertTrue(cert.take(RELEASE, at.plusSeconds(60), null));
        assertNull(cert.revocationReason());
        assertNull(cert.revokedAt());
    }

    @Test
    void aRefusedTransitionChangesNothing() {
        IssuedCertificate cert = certificate();
        cert.take(REVOKE, Instant.now(), RevocationReason.KEY_COMPROMISE);

        assertFalse(cert.take(RELEASE, Instant.now(), null));
        assertFalse(cert.take(PUT_ON_CARD, Instant.now(), null));
        assertEquals(REVOKED, cert.status());
        assertEquals(RevocationReason.KEY_COMPROMISE, cert.revocationReason());
    }

    private static IssuedCertificate certificate() {
        return new IssuedCertificate("r1", "70759028-00-0007", CertificateUsage.SIGNING, "CN=CA", BigInteger.TEN,
                "CN=70759028-00-0007", Instant.now(), Instant.now().plusSeconds(3600), "ab", new byte[] {1, 2},
                Instant.now());
    }
}
