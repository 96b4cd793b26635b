package tw.fine.ra.it.support;

import java.security.SecureRandom;

/** Unified business numbers for tests: random, with a valid check digit, so each test registers its own. */
public final class BusinessNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BusinessNumbers() {
    }

    /** Seven random digits (the seventh not 7) and the eighth that fits. */
    public static String random() {
        int[] weights = {1, 2, 1, 2, 1, 2, 4, 1};
        while (true) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                digits.append(RANDOM.nextInt(i == 6 ? 7 : 10));
            }
            int total = 0;
            for (int i = 0; i < 7; i++) {
                int p = (digits.charAt(i) - '0') * weights[i];
                total += p / 10 + p % 10;
            }
            for (int last = 0; last < 10; last++) {
                if ((total + last) % 10 == 0) {
                    return digits.toString() + last;
                }
            }
        }
    }
}
