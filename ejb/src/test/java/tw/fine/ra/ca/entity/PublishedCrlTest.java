package tw.fine.ra.ca.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublishedCrlTest {

    @Test
    void aCrlLargerThanOnePartComesBackByteForByte() {
        byte[] der = new byte[PublishedCrl.PART * 3 + 17];
        new Random(7).nextBytes(der);

        PublishedCrl crl = new PublishedCrl("CN=CA", 5, Instant.now(), Instant.now(), 100_000, der);

        assertArrayEquals(der, crl.der());
    }
}
