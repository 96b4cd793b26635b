package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.stream.IntStream;

/** The primes below a bound, by the sieve of Eratosthenes, for key screening. */
final class SmallPrimes {

    private SmallPrimes() {
    }

    static IntStream below(int bound) {
        BitSet composite = new BitSet(bound);
        for (int i = 2; (long) i * i < bound; i++) {
            if (!composite.get(i)) {
                for (int j = i * i; j < bound; j += i) {
                    composite.set(j);
                }
            }
        }
        return IntStream.range(2, bound).filter(i -> !composite.get(i));
    }

    /** Their product: one GCD with it finds any of them in a modulus. */
    static BigInteger product(int bound) {
        return below(bound).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
    }
}
