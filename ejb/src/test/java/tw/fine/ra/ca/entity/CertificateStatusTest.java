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

import java.math.BigInteger;
import java.time.Instant;
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
    void releasingAHoldClearsItsReasonAndTime() {
        IssuedCertificate cert = certificate();
        Instant at = Instant.parse("2026-11-25T01:00:00Z");

        assertTrue(cert.moveTo(ACTIVE, at, null));
        assertTrue(cert.moveTo(ON_HOLD, at, RevocationReason.CERTIFICATE_HOLD));
        assertEquals(RevocationReason.CERTIFICATE_HOLD, cert.revocationReason());
        assertEquals(at, cert.revokedAt());

        assertTrue(cert.moveTo(ACTIVE, at.plusSeconds(60), null));
        assertNull(cert.revocationReason());
        assertNull(cert.revokedAt());
    }

    @Test
    void aRefusedTransitionChangesNothing() {
        IssuedCertificate cert = certificate();
        cert.moveTo(REVOKED, Instant.now(), RevocationReason.KEY_COMPROMISE);

        assertFalse(cert.moveTo(ACTIVE, Instant.now(), null));
        assertEquals(REVOKED, cert.status());
        assertEquals(RevocationReason.KEY_COMPROMISE, cert.revocationReason());
    }

    private static IssuedCertificate certificate() {
        return new IssuedCertificate("r1", "70759028-00-0007", CertificateUsage.SIGNING, "CN=CA", BigInteger.TEN,
                "CN=70759028-00-0007", Instant.now(), Instant.now().plusSeconds(3600), "ab", new byte[] {1, 2},
                Instant.now());
    }
}
