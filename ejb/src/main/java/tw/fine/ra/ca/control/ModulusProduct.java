package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The certified RSA moduli kept in memory for the shared-prime check (docs/adr/0008): products of
 * {@value #BLOCK} moduli each, and the latest moduli not yet making a whole block. Immutable, so a
 * check reads one instance while another thread builds the next. A check reduces each block modulo
 * the new n (one long division, linear in the bits stored, no parsing and no database) and takes
 * one GCD.
 */
final class ModulusProduct {

    static final int BLOCK = 64;
    static final ModulusProduct EMPTY = new ModulusProduct(List.of(), List.of(), 0);

    private final List<BigInteger> blocks;
    private final List<BigInteger> open;
    private final long through;

    private ModulusProduct(List<BigInteger> blocks, List<BigInteger> open, long through) {
        this.blocks = blocks;
        this.open = open;
        this.through = through;
    }

    /** The highest position included: every modulus certified up to it, none after. */
    long through() {
        return through;
    }

    int size() {
        return blocks.size() * BLOCK + open.size();
    }

    /** This product and {@code moduli}, certified up to position {@code upTo}. */
    ModulusProduct with(List<BigInteger> moduli, long upTo) {
        if (moduli.isEmpty()) {
            return upTo > through ? new ModulusProduct(blocks, open, upTo) : this;
        }
        List<BigInteger> nextBlocks = new ArrayList<>(blocks);
        List<BigInteger> nextOpen = new ArrayList<>(open);
        for (BigInteger m : moduli) {
            nextOpen.add(m);
            if (nextOpen.size() == BLOCK) {
                nextBlocks.add(product(nextOpen, 0, BLOCK));
                nextOpen.clear();
            }
        }
        return new ModulusProduct(List.copyOf(nextBlocks), List.copyOf(nextOpen), Math.max(upTo, through));
    }

    /** True if n shares a prime with any modulus included (or equals one). */
    boolean sharesPrimeWith(BigInteger n) {
        return sharesPrime(n, blocks) || sharesPrime(n, open);
    }

    /** The product of all of {@code moduli} modulo n, then one GCD: 1 means no prime in common. */
    static boolean sharesPrime(BigInteger n, List<BigInteger> moduli) {
        BigInteger product = BigInteger.ONE;
        for (BigInteger m : moduli) {
            product = product.multiply(m.mod(n)).mod(n);
        }
        return !n.gcd(product).equals(BigInteger.ONE);
    }

    /** A product tree's root: halves multiplied, so the big multiplications are balanced. */
    private static BigInteger product(List<BigInteger> moduli, int from, int to) {
        if (to - from == 1) {
            return moduli.get(from);
        }
        int middle = (from + to) >>> 1;
        return product(moduli, from, middle).multiply(product(moduli, middle, to));
    }
}
