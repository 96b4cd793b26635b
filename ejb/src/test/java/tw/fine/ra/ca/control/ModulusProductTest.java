package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory moduli find a shared prime wherever the earlier modulus sits: a whole block or the open rest (small primes: the arithmetic is the same at 1024 bits). */
class ModulusProductTest {

    private static final BigInteger P = BadKeys.prime(256);

    @Test
    void aModulusSharingAPrimeWithOneInAWholeBlockIsFound() {
        List<BigInteger> moduli = moduli(ModulusProduct.BLOCK + 3);
        moduli.set(5, P.multiply(BadKeys.prime(256)));
        ModulusProduct product = ModulusProduct.EMPTY.with(moduli, moduli.size());

        assertTrue(product.sharesPrimeWith(P.multiply(BadKeys.prime(256))));
        assertFalse(product.sharesPrimeWith(BadKeys.prime(256).multiply(BadKeys.prime(256))));
    }

    @Test
    void aModulusSharingAPrimeWithOneAddedLaterIsFound() {
        ModulusProduct product = ModulusProduct.EMPTY.with(moduli(ModulusProduct.BLOCK - 1), 70);
        BigInteger later = P.multiply(BadKeys.prime(256));
        BigInteger n = P.multiply(BadKeys.prime(256));
        assertFalse(product.sharesPrimeWith(n));

        // the added modulus closes a block; the next one stays open: both are found
        ModulusProduct closed = product.with(List.of(later), 71);
        ModulusProduct open = closed.with(moduli(2), 73);

        assertTrue(closed.sharesPrimeWith(n));
        assertTrue(open.sharesPrimeWith(n));
        assertEquals(71, closed.through());
        assertEquals(ModulusProduct.BLOCK + 2, open.size());
    }

    @Test
    void theSameModulusIsFoundAndTheEarlierProductIsUnchanged() {
        BigInteger n = P.multiply(BadKeys.prime(256));
        ModulusProduct before = ModulusProduct.EMPTY.with(moduli(3), 3);
        ModulusProduct after = before.with(List.of(n), 4);

        assertTrue(after.sharesPrimeWith(n));
        assertFalse(before.sharesPrimeWith(n));
        assertEquals(3, before.through());
    }

    private static List<BigInteger> moduli(int count) {
        List<BigInteger> moduli = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            moduli.add(BadKeys.prime(256).multiply(BadKeys.prime(256)));
        }
        return moduli;
    }
}
