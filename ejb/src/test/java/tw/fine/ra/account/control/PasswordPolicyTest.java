package tw.fine.ra.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.fine.ra.platform.Settings;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new Settings());

    private List<String> check(String candidate) {
        return policy.violations("70759028-00-0001", candidate.toCharArray());
    }

    @Test
    void aGoodPasswordPasses() {
        assertTrue(check("Harbour2026x").isEmpty());
    }

    @Test
    void eachRuleIsReported() {
        assertEquals(List.of("password.policy.length"), check("Ab3def"));
        assertEquals(List.of("password.policy.letters-and-digits"), check("onlyletterslong"));
        assertEquals(List.of("password.policy.letters-and-digits"), check("1234567890123"));
        assertEquals(List.of("password.policy.contains-account"), check("x70759028-00-0001y"));
        assertEquals(List.of("password.policy.too-long"), check("a1".repeat(65)));
    }

    @Test
    void accountNameIsFoundWhateverTheCase() {
        assertTrue(PasswordPolicy.containsIgnoreCase("abcCLERKdef1".toCharArray(), "clerk"));
        assertTrue(!PasswordPolicy.containsIgnoreCase("abcCLERdef1".toCharArray(), "clerk"));
    }

    @Test
    void minimumLengthComesFromTheSettings() {
        System.setProperty("fine.password.min-length", "14");
        try {
            assertEquals(List.of("password.policy.length"), check("Harbour2026x"));
        } finally {
            System.clearProperty("fine.password.min-length");
        }
    }
}
