package tw.fine.ra.card.protocol.piv;

import java.util.Arrays;

/** PIN encoding for the card: 6 to 8 digits padded with FF; callers wipe what they pass in. */
public final class Pin {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;

    private Pin() {
    }

    public static boolean isWellFormed(char[] pin) {
        if (pin == null || pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The 8-byte card form; the caller must wipe the result. */
    public static byte[] encode(char[] pin) {
        if (!isWellFormed(pin)) {
            throw new IllegalArgumentException("a PIN is 6 to 8 digits");
        }
        byte[] encoded = new byte[MAX_LENGTH];
        Arrays.fill(encoded, (byte) 0xFF);
        for (int i = 0; i < pin.length; i++) {
            encoded[i] = (byte) pin[i];
        }
        return encoded;
    }
}
