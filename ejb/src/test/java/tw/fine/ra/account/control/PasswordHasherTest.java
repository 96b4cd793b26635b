package tw.fine.ra.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashVerifiesOnlyTheSamePassword() {
        String hash = hasher.hash("Harbour2026x".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify(hash, "Harbour2026x".toCharArray()));
        assertFalse(hasher.verify(hash, "Harbour2026X".toCharArray()));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void aDummyVerificationCostsOneEvaluationLikeARealOne() {
        String hash = hasher.hash("Harbour2026x".toCharArray());
        long start = hasher.evaluations();
        hasher.verify(hash, "wrong".toCharArray());
        assertEquals(start + 1, hasher.evaluations());
        hasher.verifyNothing("wrong".toCharArray());
        assertEquals(start + 2, hasher.evaluations());
    }

    @Test
    void malformedHashesNeverVerify() {
        assertFalse(hasher.verify("$2a$10$abcdefghijklmnopqrstuv", "x".toCharArray()));
        assertFalse(hasher.verifyNothing("anything".toCharArray()));
    }

    @Test
    void initialPasswordsHaveLettersAndDigitsAndNoLookAlikes() {
        InitialPasswords generator = new InitialPasswords();
        for (int i = 0; i < 200; i++) {
            String p = new String(generator.generate());
            assertTrue(p.matches("[A-Za-z2-9]{12}") && p.matches(".*[2-9].*") && p.matches(".*[A-Za-z].*"), p);
            assertFalse(p.matches(".*[01OIlo].*"), p);
        }
    }
}
