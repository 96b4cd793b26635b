package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-by-word reduction gives what BigInteger's long division gives, up to the known power of two. */
class MontgomeryTest {

    private static final Random RANDOM = new SecureRandom();

    @Test
    void aLongProductReducesToWhatLongDivisionGives() {
        for (int round = 0; round < 50; round++) {
            BigInteger n = new BigInteger(2048, RANDOM).setBit(2047).setBit(0);
            BigInteger x = new BigInteger(64 * 2048 + RANDOM.nextInt(64), RANDOM);
            long[] words = Montgomery.words(x);

            BigInteger reduced = new Montgomery(n).reduce(words);

            assertTrue(reduced.signum() >= 0 && reduced.compareTo(n.shiftLeft(1)) < 0, "below 2n");
            BigInteger undone = reduced.multiply(BigInteger.TWO.modPow(BigInteger.valueOf(64L * words.length), n)).mod(n);
            assertEquals(x.mod(n), undone);
        }
    }

    @Test
    void extremeWordsCarryCorrectly() {
        BigInteger n = BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE); // every word all ones
        BigInteger x = BigInteger.ONE.shiftLeft(64 * 100).subtract(BigInteger.ONE);
        long[] words = Montgomery.words(x);

        BigInteger reduced = new Montgomery(n).reduce(words);

        assertEquals(x.mod(n), reduced.multiply(BigInteger.TWO.modPow(BigInteger.valueOf(64L * words.length), n)).mod(n));
    }

    @Test
    void wordsAreLittleEndianAndAnEvenModulusIsRefused() {
        assertArrayEquals(new long[] {2, 1}, Montgomery.words(BigInteger.ONE.shiftLeft(64).add(BigInteger.TWO)));
        assertArrayEquals(new long[] {-1}, Montgomery.words(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> new Montgomery(BigInteger.valueOf(10)));
    }
}
