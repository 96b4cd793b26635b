package tw.fine.ra.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Initial website passwords for sealed mailers: 12 characters from CSPRNG output over an
 * alphabet without look-alikes (no 0/O, 1/l/I), always with letters and digits. About 70 bits.
 */
@ApplicationScoped
public class InitialPasswords {

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALL = LETTERS + DIGITS;
    public static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    /** A new password; the caller wipes the array when done. */
    public char[] generate() {
        char[] password = new char[LENGTH];
        do {
            for (int i = 0; i < LENGTH; i++) {
                password[i] = ALL.charAt(random.nextInt(ALL.length()));
            }
        } while (!hasBoth(password));
        return password;
    }

    private static boolean hasBoth(char[] password) {
        boolean letter = false;
        boolean digit = false;
        for (char c : password) {
            letter |= LETTERS.indexOf(c) >= 0;
            digit |= DIGITS.indexOf(c) >= 0;
        }
        return letter && digit;
    }
}
