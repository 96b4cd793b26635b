package tw.fine.ra.account.control;

import java.security.SecureRandom;

/** The characters a CAPTCHA asks for: drawn from a CSPRNG so a challenge cannot be predicted. */
public final class CaptchaText {

    /** Without 0/O and 1/I: pairs a person cannot tell apart once they are distorted. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CaptchaText() {
    }

    public static String random(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("challenge length must be " + MIN_LENGTH + ".." + MAX_LENGTH + ": " + length);
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
