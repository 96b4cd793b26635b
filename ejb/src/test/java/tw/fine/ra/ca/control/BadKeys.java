package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Random;

/** Known-bad keys, made in the test from their primes, and EC keys with any point. */
final class BadKeys {

    static final BigInteger E = BigInteger.valueOf(65537);
    private static final Random RANDOM = new SecureRandom();

    private BadKeys() {
    }

    /**
     * A random prime of {@code bits} bits, its top two bits set (so two make a modulus of twice the
     * bits, as key generators do), that 65537 can be an exponent for.
     */
    static BigInteger prime(int bits) {
        while (true) {
            BigInteger p = BigInteger.probablePrime(bits, RANDOM);
            if (p.testBit(bits - 2) && usable(p)) {
                return p;
            }
        }
    }

    /** The next prime after {@code p + 2^gapBits}: Fermat's method factors p·q at once for a small gap. */
    static BigInteger primeNear(BigInteger p, int gapBits) {
        BigInteger q = p.add(BigInteger.ONE.shiftLeft(gapBits)).nextProbablePrime();
        while (!usable(q)) {
            q = q.nextProbablePrime();
        }
        return q;
    }

    /**
     * A prime as Infineon's RSALib made them (the ROCA paper): k·M + (65537^a mod M), M the
     * product of the primes up to 167, with a random and k counting up from a random start.
     */
    static BigInteger rocaPrime(int bits) {
        BigInteger m = SmallPrimes.product(168);
        BigInteger c = E.modPow(BigInteger.valueOf(RANDOM.nextInt(1 << 30)), m);
        // k·M from 3·2^(bits-2) up, so p has its top two bits set while k counts up
        BigInteger k = BigInteger.valueOf(3).shiftLeft(bits - 2).divide(m).add(BigInteger.ONE)
                .add(new BigInteger(bits - m.bitLength() - 3, RANDOM));
        while (true) {
            BigInteger p = k.multiply(m).add(c);
            if (p.isProbablePrime(64) && usable(p)) {
                return p;
            }
            k = k.add(BigInteger.ONE);
        }
    }

    /** The key pair of n = p·q (any factors, so a "prime" may be a small one) with exponent 65537. */
    static KeyPair rsa(BigInteger p, BigInteger q) {
        return rsa(p, q, E);
    }

    static KeyPair rsa(BigInteger p, BigInteger q, BigInteger e) {
        BigInteger n = p.multiply(q);
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        BigInteger d = e.modInverse(phi);
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(publicKey(n, e), factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q,
                            d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p))));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static RSAPublicKey publicKey(BigInteger n, BigInteger e) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An EC public key with exactly this point and these parameters: no provider checks it. */
    static ECPublicKey ec(ECPoint w, ECParameterSpec params) {
        return new ECPublicKey() {
            @Override
            public ECPoint getW() {
                return w;
            }

            @Override
            public ECParameterSpec getParams() {
                return params;
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
    }

    private static boolean usable(BigInteger p) {
        return !p.subtract(BigInteger.ONE).mod(E).equals(BigInteger.ZERO);
    }
}
