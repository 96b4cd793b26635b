package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_CLOSE_PRIMES;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_KEY_TOO_LONG;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_KEY_TOO_SHORT;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_ROCA_FINGERPRINT;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_SHARED_PRIME;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_SMALL_FACTOR;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_WEAK_EXPONENT;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.UNSUPPORTED_KEY;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.stream.Stream;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * Refuses public keys whose private key others can compute, before anything is signed for them
 * (docs/adr/0008). RSA: 2048 to 4096 bits, an odd exponent of at least 65537, no prime factor below
 * 2^16, primes not close enough for Fermat's method, no ROCA fingerprint, and no prime shared with a
 * modulus already certified. EC: a point on the named curve, not at infinity ({@link EcPoints}).
 * Each refusal names its reason.
 */
public final class KeyScreening {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 4096;
    /** Fermat's method needs one step when |p - q| is below about n^(1/4); 100 steps reach a little further. */
    static final int FERMAT_STEPS = 100;
    static final int SMALL_FACTOR_BOUND = 1 << 16;
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    private static final long[] SMALL_PRIME_WORDS = Montgomery.words(SmallPrimes.product(SMALL_FACTOR_BOUND));
    /** Fermat's steps test squares: the residues a square can have modulo 64, 63, 65 and 11 ({@link #isSquare}). */
    private static final BigInteger SQUARE_FILTER = BigInteger.valueOf(63L * 65 * 11);
    private static final boolean[] SQUARE_MOD_64 = squaresModulo(64);
    private static final boolean[] SQUARE_MOD_63 = squaresModulo(63);
    private static final boolean[] SQUARE_MOD_65 = squaresModulo(65);
    private static final boolean[] SQUARE_MOD_11 = squaresModulo(11);

    /** The checks a key needs on its own; {@link #refuseSharedPrime} needs the CA's records too. */
    public void screen(PublicKey key) throws RequestRejectedException {
        if (key instanceof RSAPublicKey rsa) {
            screenRsa(rsa.getModulus(), rsa.getPublicExponent());
        } else if (key instanceof ECPublicKey ec) {
            EcPoints.check(ec);
        } else {
            throw new RequestRejectedException(UNSUPPORTED_KEY, key.getAlgorithm());
        }
    }

    /**
     * Refuses an RSA modulus that shares a prime with any of {@code certified}: the product of all
     * of them modulo n, then one GCD with n (a GCD of 1 means no shared prime; n itself means the
     * same modulus, or both primes shared). One multiplication per certified modulus, see the ADR.
     */
    public void refuseSharedPrime(RSAPublicKey key, Stream<BigInteger> certified) throws RequestRejectedException {
        BigInteger n = key.getModulus();
        if (ModulusProduct.sharesPrime(n, certified.toList())) {
            throw rsa(RSA_SHARED_PRIME, n, "shares a prime with a modulus already certified");
        }
    }

    private static void screenRsa(BigInteger n, BigInteger e) throws RequestRejectedException {
        if (n.bitLength() < MIN_RSA_BITS) {
            throw rsa(RSA_KEY_TOO_SHORT, n, "below " + MIN_RSA_BITS + " bits");
        }
        if (n.bitLength() > MAX_RSA_BITS) {
            throw rsa(RSA_KEY_TOO_LONG, n, "above " + MAX_RSA_BITS + " bits");
        }
        if (e.compareTo(MIN_EXPONENT) < 0 || !e.testBit(0)) {
            throw new RequestRejectedException(RSA_WEAK_EXPONENT, "RSA public exponent " + e);
        }
        // the even case first: Montgomery's reduction (faster than BigInteger's division) needs an odd n
        if (!n.testBit(0) || !n.gcd(new Montgomery(n).reduce(SMALL_PRIME_WORDS)).equals(BigInteger.ONE)) {
            throw rsa(RSA_SMALL_FACTOR, n, "has a prime factor below " + SMALL_FACTOR_BOUND);
        }
        if (fermatFactors(n)) {
            throw rsa(RSA_CLOSE_PRIMES, n, "its primes are close: Fermat's method factors it");
        }
        if (RocaFingerprint.matches(n)) {
            throw rsa(RSA_ROCA_FINGERPRINT, n, "has the ROCA fingerprint (CVE-2017-15361)");
        }
    }

    /** Fermat: n = a² - b² = (a - b)(a + b) for a from ⌈√n⌉; close primes make b² a square within a few steps. */
    static boolean fermatFactors(BigInteger n) {
        BigInteger a = n.sqrt();
        if (a.multiply(a).compareTo(n) < 0) {
            a = a.add(BigInteger.ONE);
        }
        BigInteger b2 = a.multiply(a).subtract(n);
        for (int step = 0; step < FERMAT_STEPS; step++) {
            if (isSquare(b2)) {
                return true;
            }
            // (a + 1)² - n = a² - n + 2a + 1
            b2 = b2.add(a.shiftLeft(1)).add(BigInteger.ONE);
            a = a.add(BigInteger.ONE);
        }
        return false;
    }

    /**
     * Whether x is a perfect square. Most numbers are not a square modulo 64, 63, 65 or 11, which
     * costs a few word operations to see, so fewer than one in a hundred reaches the square root
     * (in a profile of issuance, the square roots were a third of its time).
     */
    static boolean isSquare(BigInteger x) {
        if (x.signum() < 0) {
            return false;
        }
        if (!SQUARE_MOD_64[x.intValue() & 63]) {
            return false;
        }
        int r = x.mod(SQUARE_FILTER).intValue();
        if (!SQUARE_MOD_63[r % 63] || !SQUARE_MOD_65[r % 65] || !SQUARE_MOD_11[r % 11]) {
            return false;
        }
        BigInteger root = x.sqrt();
        return root.multiply(root).equals(x);
    }

    private static boolean[] squaresModulo(int m) {
        boolean[] square = new boolean[m];
        for (int i = 0; i < m; i++) {
            square[(i * i) % m] = true;
        }
        return square;
    }

    private static RequestRejectedException rsa(RequestRejectedException.Reason reason, BigInteger n, String why) {
        return new RequestRejectedException(reason, "RSA modulus of " + n.bitLength() + " bits " + why);
    }
}
