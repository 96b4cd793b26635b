package tw.fine.ra.ca.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.ca.entity.CertificateStatus.ACTIVE;
import static tw.fine.ra.ca.entity.CertificateStatus.EXPIRED;
import static tw.fine.ra.ca.entity.CertificateStatus.EXPIRED_ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.ISSUED_NOT_ON_CARD;
import static tw.fine.ra.ca.entity.CertificateStatus.ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.REVOKED;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.EXPIRE;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.EXPIRE_ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.PUT_ON_CARD;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.RELEASE;
import static tw.fine.ra.ca.entity.CertificateStatus.Transition.REVOKE;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.CertificateStatus.Transition;

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
    void revokedIsFinalAndExpiredLeadsOnlyToARevocationForKeyCompromise() {
        for (CertificateStatus next : CertificateStatus.values()) {
            assertFalse(REVOKED.canMoveTo(next), "REVOKED -> " + next);
            assertEquals(next == REVOKED, EXPIRED.canMoveTo(next), "EXPIRED -> " + next);
            assertEquals(next == REVOKED, EXPIRED_ON_HOLD.canMoveTo(next), "EXPIRED_ON_HOLD -> " + next);
        }
    }

    @Test
    void revokedAndBothExpiriesHaveEndedTheOthersNot() {
        for (CertificateStatus s : CertificateStatus.values()) {
            assertEquals(s == REVOKED || s == EXPIRED || s == EXPIRED_ON_HOLD, s.isEnded(), s.name());
        }
    }

    @Test
    void aKeyCompromiseFoundAfterExpiryCanStillBeRecordedButNoOtherRevocation() {
        IssuedCertificate cert = certificate();
        Instant at = Instant.parse("2026-11-25T01:00:00Z");
        cert.take(PUT_ON_CARD, at, null);
        assertTrue(cert.take(EXPIRE, at, null));

        assertFalse(cert.take(Transition.revoking(RevocationReason.SUPERSEDED), at, RevocationReason.SUPERSEDED));
        assertEquals(EXPIRED, cert.status());
        assertTrue(cert.take(Transition.revoking(RevocationReason.KEY_COMPROMISE), at.plusSeconds(60),
                RevocationReason.KEY_COMPROMISE, at.minusSeconds(3600)));
        assertEquals(REVOKED, cert.status());
        assertEquals(at.plusSeconds(60), cert.revokedAt());
        assertEquals(at.minusSeconds(3600), cert.invalidityDate());
    }

    @Test
    void aHeldCertificatePastNotAfterStaysHeldForRelyingPartiesAndCannotBeReleased() {
        Instant heldAt = Instant.parse("2026-11-25T01:00:00Z");
        IssuedCertificate cert = heldAt(heldAt);

        assertFalse(cert.take(EXPIRE, heldAt.plusSeconds(3600), null));
        assertTrue(cert.take(EXPIRE_ON_HOLD, heldAt.plusSeconds(3600), null));

        assertEquals(EXPIRED_ON_HOLD, cert.status());
        assertTrue(cert.status().isRevokedForRelyingParties());
        assertEquals(RevocationReason.CERTIFICATE_HOLD, cert.revocationReason());
        assertEquals(heldAt, cert.revokedAt());
        assertFalse(cert.take(RELEASE, heldAt.plusSeconds(7200), null));
        assertTrue(CertificateStatus.revokedForRelyingParties().contains(EXPIRED_ON_HOLD));
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
        assertEquals(List.of(ISSUED_NOT_ON_CARD, ACTIVE), EXPIRE.from());
        assertEquals(List.of(ON_HOLD), EXPIRE_ON_HOLD.from());
    }

    @Test
    void aHeldCertificateCannotBePutOnTheCardAgain() {
        Instant at = Instant.parse("2026-11-25T01:00:00Z");
        IssuedCertificate cert = heldAt(at);

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

    private static IssuedCertificate heldAt(Instant at) {
        IssuedCertificate cert = certificate();
        cert.take(PUT_ON_CARD, at, null);
        cert.take(HOLD, at, RevocationReason.CERTIFICATE_HOLD);
        return cert;
    }

    private static IssuedCertificate certificate() {
        return new IssuedCertificate("r1", "70759028-00-0007", CertificateUsage.SIGNING, "CN=CA", BigInteger.TEN,
                "CN=70759028-00-0007", Instant.now(), Instant.now().plusSeconds(3600), "ab", new byte[] {1, 2},
                Instant.now());
    }
}
