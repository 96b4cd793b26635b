package tw.fine.ra.card.protocol.piv;

import java.util.Locale;

/** PIV algorithm identifiers (SP 800-78-4) that FINE RA cards support. */
public enum KeyAlgorithm {
    RSA_2048(0x07),
    EC_P256(0x11);

    private final int id;

    KeyAlgorithm(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The algorithm with this identifier, or null for "no key" (00) and anything unknown. */
    public static KeyAlgorithm byIdOrNull(int id) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.id == id) {
                return algorithm;
            }
        }
        return null;
    }

    public static KeyAlgorithm byName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
