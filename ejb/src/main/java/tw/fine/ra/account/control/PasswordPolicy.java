package tw.fine.ra.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import tw.fine.ra.platform.Settings;

/**
 * What a new website password must satisfy. Each broken rule is a bundle key
 * ({@code password.policy.*}) so pages show every problem at the field at once.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    @Inject
    Settings settings;

    public PasswordPolicy() {
    }

    PasswordPolicy(Settings settings) {
        this.settings = settings;
    }

    public int minLength() {
        return settings.passwordMinLength();
    }

    /** Broken rules for {@code candidate}; empty when it is acceptable. */
    public List<String> violations(String login, char[] candidate) {
        List<String> broken = new ArrayList<>();
        if (candidate.length < minLength()) {
            broken.add("password.policy.length");
        }
        if (candidate.length > MAX_LENGTH) {
            broken.add("password.policy.too-long");
        }
        boolean letter = false;
        boolean digit = false;
        for (char c : candidate) {
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        if (!letter || !digit) {
            broken.add("password.policy.letters-and-digits");
        }
        if (containsIgnoreCase(candidate, login)) {
            broken.add("password.policy.contains-account");
        }
        return broken;
    }

    /** Compares char by char, so no String copy of the password outlives the check. */
    static boolean containsIgnoreCase(char[] candidate, String login) {
        if (login == null || login.isBlank()) {
            return false;
        }
        int n = login.length();
        for (int i = 0; i + n <= candidate.length; i++) {
            int j = 0;
            while (j < n && Character.toLowerCase(candidate[i + j]) == Character.toLowerCase(login.charAt(j))) {
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }
}
