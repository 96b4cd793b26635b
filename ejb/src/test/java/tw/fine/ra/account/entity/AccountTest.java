package tw.fine.ra.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Instant now = Instant.parse("2026-11-25T01:00:00Z");

    private Account account() {
        return new Account("70759028-00-0001", Role.SUBSCRIBER, "x", 1L, "hash");
    }

    @Test
    void thirdConsecutiveWrongPasswordLocks() {
        Account a = account();
        assertFalse(a.wrongPassword(now, 3));
        assertFalse(a.wrongPassword(now, 3));
        assertTrue(a.wrongPassword(now, 3), "the third one locks");
        assertTrue(a.isLocked());
        assertFalse(a.wrongPassword(now, 3), "locking happens once");
    }

    @Test
    void signingInResetsTheCount() {
        Account a = account();
        a.wrongPassword(now, 3);
        a.wrongPassword(now, 3);
        a.signedIn(now);
        assertFalse(a.wrongPassword(now, 3));
        assertEquals(1, a.getFailedAttempts());
    }

    @Test
    void resetUnlocksAndForcesAChange() {
        Account a = account();
        a.passwordChanged("changed", now);
        for (int i = 0; i < 3; i++) {
            a.wrongPassword(now, 3);
        }
        a.passwordReset("reset-hash", now);
        assertFalse(a.isLocked());
        assertTrue(a.isMustChangePassword());
        assertEquals(0, a.getFailedAttempts());
        assertEquals("reset-hash", a.getPasswordHash());
    }

    @Test
    void passwordChangeResetAndLockEachEndTheSignedInSessions() {
        Account a = account();
        int signedIn = a.getSessionEpoch();
        a.passwordChanged("changed", now);
        int afterChange = a.getSessionEpoch();
        assertTrue(afterChange != signedIn, "a password change");
        a.wrongPassword(now, 3);
        a.wrongPassword(now, 3);
        assertEquals(afterChange, a.getSessionEpoch(), "wrong passwords short of the lock end nothing");
        a.wrongPassword(now, 3);
        int afterLock = a.getSessionEpoch();
        assertTrue(afterLock != afterChange, "the lock");
        a.passwordReset("reset-hash", now);
        assertTrue(a.getSessionEpoch() != afterLock, "a reset");
        int afterReset = a.getSessionEpoch();
        a.signedIn(now);
        a.passwordConfirmed();
        assertEquals(afterReset, a.getSessionEpoch(), "signing in and confirming the password end nothing");
    }

    @Test
    void disablingEndsTheSessionsAndNoResetReopens() {
        Account a = account();
        int signedIn = a.getSessionEpoch();
        a.disable(now);
        assertTrue(a.isDisabled());
        assertTrue(a.getSessionEpoch() != signedIn, "the sessions end");
        int afterDisable = a.getSessionEpoch();
        a.disable(now.plusSeconds(60));
        assertEquals(now, a.getDisabledAt(), "disabled once, at the first time");
        assertEquals(afterDisable, a.getSessionEpoch());
        a.passwordReset("reset-hash", now);
        assertTrue(a.isDisabled(), "a four-eyes reset does not reopen a disabled account");
    }

    @Test
    void rolesBelongToOneArea() {
        assertTrue(account().mayEnter(Role.Area.SUBSCRIBER));
        assertFalse(account().mayEnter(Role.Area.BACK_OFFICE));
        for (Role staff : new Role[] {Role.CLERK, Role.OFFICER, Role.AUDITOR}) {
            assertEquals(Role.Area.BACK_OFFICE, staff.area());
        }
    }
}
