package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    @Test
    void everySerialIsPositiveAndSixteenBytesInDer() {
        SerialNumbers serials = new SerialNumbers();
        for (int i = 0; i < 1000; i++) {
            BigInteger serial = serials.next();
            assertEquals(1, serial.signum());
            assertEquals(16, serial.toByteArray().length, serial.toString(16));
        }
    }

    @Test
    void serialsDoNotRepeat() {
        SerialNumbers serials = new SerialNumbers();
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(serials.next()));
        }
    }

    @Test
    void aTakenSerialIsDrawnAgain() {
        SerialNumbers serials = new SerialNumbers();
        AtomicInteger asked = new AtomicInteger();
        Set<BigInteger> offered = new HashSet<>();

        BigInteger serial = serials.next(candidate -> {
            offered.add(candidate);
            return asked.incrementAndGet() == 1; // the first draw collides
        });

        assertEquals(2, asked.get());
        assertEquals(2, offered.size());
        assertTrue(offered.contains(serial));
    }

    @Test
    void aGeneratorThatKeepsRepeatingIsRefused() {
        // a "random" source stuck on one value: every draw collides with the first
        SecureRandom stuck = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 7);
            }
        };
        SerialNumbers serials = new SerialNumbers(stuck);
        BigInteger first = serials.next();

        assertThrows(IllegalStateException.class, () -> serials.next(first::equals));
        assertNotEquals(BigInteger.ZERO, first);
    }
}
