package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The certified RSA moduli kept in memory for the shared-prime check (docs/adr/0008): products of
 * {@value #BLOCK} moduli each, the last one filling up. Immutable, so a check reads one instance
 * while another thread builds the next. A check reduces each product modulo the new n
 * ({@link Montgomery}: linear in the bits stored, no parsing and no database), multiplies the
 * remainders and takes one GCD.
 */
final class ModulusProduct {

    static final int BLOCK = 64;
    static final ModulusProduct EMPTY = new ModulusProduct(List.of(), 0);

    /** The product of up to {@value #BLOCK} moduli, and its words for {@link Montgomery#reduce}. */
    private record Block(int count, BigInteger product, long[] words) {

        static Block of(BigInteger first) {
            return new Block(1, first, Montgomery.words(first));
        }

        Block times(BigInteger modulus) {
            BigInteger next = product.multiply(modulus);
            return new Block(count + 1, next, Montgomery.words(next));
        }
    }

    private final List<Block> blocks;
    private final long through;

    private ModulusProduct(List<Block> blocks, long through) {
        this.blocks = blocks;
        this.through = through;
    }

    /** The highest position included: every modulus certified up to it, none after. */
    long through() {
        return through;
    }

    int size() {
        return blocks.stream().mapToInt(Block::count).sum();
    }

    /** This product and {@code moduli}, certified up to position {@code upTo}. */
    ModulusProduct with(List<BigInteger> moduli, long upTo) {
        if (moduli.isEmpty()) {
            return upTo > through ? new ModulusProduct(blocks, upTo) : this;
        }
        List<Block> next = new ArrayList<>(blocks);
        for (BigInteger m : moduli) {
            int last = next.size() - 1;
            if (last >= 0 && next.get(last).count() < BLOCK) {
                next.set(last, next.get(last).times(m));
            } else {
                next.add(Block.of(m));
            }
        }
        return new ModulusProduct(List.copyOf(next), Math.max(upTo, through));
    }

    /** True if n shares a prime with any modulus included (or equals one). */
    boolean sharesPrimeWith(BigInteger n) {
        if (!n.testBit(0)) {
            return sharesPrime(n, blocks.stream().map(Block::product).toList());
        }
        Montgomery reduction = new Montgomery(n);
        BigInteger product = BigInteger.ONE;
        for (Block block : blocks) {
            product = product.multiply(reduction.reduce(block.words())).mod(n);
        }
        return !n.gcd(product).equals(BigInteger.ONE);
    }

    /** The product of all of {@code moduli} modulo n, then one GCD: 1 means no prime in common. */
    static boolean sharesPrime(BigInteger n, List<BigInteger> moduli) {
        BigInteger product = BigInteger.ONE;
        for (BigInteger m : moduli) {
            product = product.multiply(m.mod(n)).mod(n);
        }
        return !n.gcd(product).equals(BigInteger.ONE);
    }
}
