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

        Block(int count, BigInteger product) {
            this(count, product, Montgomery.words(product));
        }

        Block times(BigInteger moreModuli, int more) {
            return new Block(count + more, product.multiply(moreModuli));
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
        int added = 0;
        while (added < moduli.size()) {
            int last = next.size() - 1;
            int room = last >= 0 ? BLOCK - next.get(last).count() : 0;
            int take = Math.min(room > 0 ? room : BLOCK, moduli.size() - added);
            BigInteger product = product(moduli, added, added + take);
            if (room > 0) {
                next.set(last, next.get(last).times(product, take));
            } else {
                next.add(new Block(take, product));
            }
            added += take;
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

    /** A product tree's root: halves multiplied, so the big multiplications are balanced. */
    private static BigInteger product(List<BigInteger> moduli, int from, int to) {
        if (to - from == 1) {
            return moduli.get(from);
        }
        int middle = (from + to) >>> 1;
        return product(moduli, from, middle).multiply(product(moduli, middle, to));
    }
}
