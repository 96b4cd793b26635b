package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Certificate serial numbers: 16 bytes from a CSPRNG (126 random bits), always positive and always
 * 16 bytes long in DER, so no serial is guessable and none is short. Uniqueness per issuer is held
 * by a database constraint; {@link #next(Predicate)} draws again when a serial is already taken.
 */
public final class SerialNumbers {

    static final int MAX_DRAWS = 8;

    private final SecureRandom random;

    public SerialNumbers() {
        this(new SecureRandom());
    }

    public SerialNumbers(SecureRandom random) {
        this.random = random;
    }

    public BigInteger next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // top bit clear: positive; next bit set: no leading zero byte is dropped from the encoding
        bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x40);
        return new BigInteger(1, bytes);
    }

    /** A serial for which {@code taken} is false; a collision means draw again, not fail. */
    public BigInteger next(Predicate<BigInteger> taken) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            BigInteger serial = next();
            if (!taken.test(serial)) {
                return serial;
            }
        }
        // eight collisions of 126 random bits mean the generator is broken, not unlucky
        throw new IllegalStateException("serial number generator keeps repeating itself");
    }
}
