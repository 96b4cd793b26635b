package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RequestRejectedException.Reason;

/** Known-bad keys, each refused for its own reason; good keys pass. See docs/adr/0008. */
class KeyScreeningTest {

    private final KeyScreening screening = new KeyScreening();

    @Test
    void freshRsaAndEcKeysPass() {
        for (PublicKey key : new PublicKey[] {Csrs.rsa(2048).getPublic(), Csrs.rsa(3072).getPublic(),
                Csrs.ec("secp256r1").getPublic(), Csrs.ec("secp384r1").getPublic()}) {
            assertDoesNotThrow(() -> screening.screen(key), key.toString());
        }
    }

    @Test
    void rsaBelow2048BitsIsTooShort() {
        assertRefused(Reason.RSA_KEY_TOO_SHORT, Csrs.rsa(1024).getPublic());
        assertRefused(Reason.RSA_KEY_TOO_SHORT, BadKeys.rsa(BadKeys.prime(1024), BadKeys.prime(1023)).getPublic());
    }

    @Test
    void rsaAbove4096BitsIsTooLong() {
        RSAPublicKey key = (RSAPublicKey) BadKeys.rsa(BadKeys.prime(2100), BadKeys.prime(2100)).getPublic();
        assertTrue(key.getModulus().bitLength() > 4096);
        assertRefused(Reason.RSA_KEY_TOO_LONG, key);
    }

    @Test
    void exponentsBelow65537OrEvenAreWeak() {
        assertRefused(Reason.RSA_WEAK_EXPONENT,
                Csrs.keys("RSA", new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(3))).getPublic());
        BigInteger n = ((RSAPublicKey) Csrs.rsa(2048).getPublic()).getModulus();
        assertRefused(Reason.RSA_WEAK_EXPONENT, BadKeys.publicKey(n, BigInteger.valueOf(65536)));
    }

    @Test
    void aModulusWithASmallPrimeFactorIsRefused() {
        BigInteger small = BigInteger.valueOf(65521);
        PublicKey key = BadKeys.rsa(small, BadKeys.prime(2048 - small.bitLength())).getPublic();
        assertEquals(2048, ((RSAPublicKey) key).getModulus().bitLength());
        assertRefused(Reason.RSA_SMALL_FACTOR, key);

        BigInteger even = BigInteger.TWO.multiply(BadKeys.prime(2047));
        assertRefused(Reason.RSA_SMALL_FACTOR, BadKeys.publicKey(even, BadKeys.E));
    }

    @Test
    void closePrimesAreFactoredByFermatAndRefused() {
        BigInteger p = BadKeys.prime(1024);
        assertRefused(Reason.RSA_CLOSE_PRIMES, BadKeys.rsa(p, BadKeys.primeNear(p, 400)).getPublic());
        assertRefused(Reason.RSA_CLOSE_PRIMES, BadKeys.publicKey(p.multiply(p), BadKeys.E));
    }

    @Test
    void theSquareTestAgreesWithTheSquareRoot() {
        java.util.Random random = new java.security.SecureRandom();
        for (int i = 0; i < 2000; i++) {
            BigInteger root = new BigInteger(1024, random);
            BigInteger square = root.multiply(root);
            assertTrue(KeyScreening.isSquare(square));
            assertTrue(!KeyScreening.isSquare(square.add(BigInteger.ONE)) || square.signum() == 0);
            assertTrue(!KeyScreening.isSquare(square.subtract(BigInteger.ONE)) || square.equals(BigInteger.ONE));
            BigInteger any = new BigInteger(2048, random);
            BigInteger r = any.sqrt();
            assertEquals(r.multiply(r).equals(any), KeyScreening.isSquare(any));
        }
        assertTrue(KeyScreening.isSquare(BigInteger.ZERO));
        assertTrue(!KeyScreening.isSquare(BigInteger.valueOf(-4)));
    }

    @Test
    void primesFarApartAreBeyondFermat() {
        BigInteger p = BadKeys.prime(1024);
        assertDoesNotThrow(() -> screening.screen(BadKeys.rsa(p, BadKeys.primeNear(p, 600)).getPublic()));
    }

    @Test
    void aModulusOfRsaLibPrimesHasTheRocaFingerprint() {
        PublicKey key = BadKeys.rsa(BadKeys.rocaPrime(1024), BadKeys.rocaPrime(1024)).getPublic();
        assertRefused(Reason.RSA_ROCA_FINGERPRINT, key);
    }

    @Test
    void oneRsaLibPrimeWithAnOrdinaryOneIsNoFingerprint() {
        // the fingerprint is a property of both primes: a test that flagged any odd modulus would fail here
        assertDoesNotThrow(() -> screening.screen(BadKeys.rsa(BadKeys.rocaPrime(1024), BadKeys.prime(1024)).getPublic()));
    }

    @Test
    void aModulusSharingAPrimeWithACertifiedOneIsRefused() {
        BigInteger shared = BadKeys.prime(1024);
        BigInteger certified = ((RSAPublicKey) BadKeys.rsa(shared, BadKeys.prime(1024)).getPublic()).getModulus();
        RSAPublicKey key = (RSAPublicKey) BadKeys.rsa(shared, BadKeys.prime(1024)).getPublic();
        Stream<BigInteger> others = Stream.generate(() -> ((RSAPublicKey) Csrs.rsa(2048).getPublic()).getModulus()).limit(3);

        assertRefused(Reason.RSA_SHARED_PRIME, () -> screening.refuseSharedPrime(key,
                Stream.concat(others, Stream.of(certified))));
    }

    @Test
    void theSameModulusWithAnotherExponentSharesBothPrimes() {
        RSAPublicKey certified = (RSAPublicKey) Csrs.rsa(2048).getPublic();
        RSAPublicKey key = BadKeys.publicKey(certified.getModulus(), BigInteger.valueOf(65539));
        assertRefused(Reason.RSA_SHARED_PRIME, () -> screening.refuseSharedPrime(key, Stream.of(certified.getModulus())));
    }

    @Test
    void unrelatedModuliShareNoPrime() {
        RSAPublicKey key = (RSAPublicKey) Csrs.rsa(2048).getPublic();
        Stream<BigInteger> certified = Stream.generate(() -> ((RSAPublicKey) Csrs.rsa(2048).getPublic()).getModulus())
                .limit(3);
        assertDoesNotThrow(() -> screening.refuseSharedPrime(key, certified));
        assertDoesNotThrow(() -> screening.refuseSharedPrime(key, Stream.empty()));
    }

    @Test
    void anEcPointOffTheCurveIsRefused() {
        ECPublicKey good = (ECPublicKey) Csrs.ec("secp256r1").getPublic();
        ECPoint w = good.getW();
        ECPoint moved = new ECPoint(w.getAffineX(), w.getAffineY().add(BigInteger.ONE));
        assertRefused(Reason.EC_POINT_INVALID, BadKeys.ec(moved, good.getParams()));
    }

    @Test
    void theEcPointAtInfinityIsRefused() {
        ECParameterSpec p256 = ((ECPublicKey) Csrs.ec("secp256r1").getPublic()).getParams();
        assertRefused(Reason.EC_POINT_INVALID, BadKeys.ec(ECPoint.POINT_INFINITY, p256));
    }

    @Test
    void aPointOfAnotherCurveLabelledP256IsRefused() {
        ECPoint p384Point = ((ECPublicKey) Csrs.ec("secp384r1").getPublic()).getW();
        ECParameterSpec p256 = ((ECPublicKey) Csrs.ec("secp256r1").getPublic()).getParams();
        assertRefused(Reason.EC_POINT_INVALID, BadKeys.ec(p384Point, p256));
    }

    /** An invalid-curve key: P-256's field and a, another b, and a point on that weaker curve. */
    @Test
    void aCurveThatIsOnlyAlmostP256IsRefused() {
        ECPublicKey good = (ECPublicKey) Csrs.ec("secp256r1").getPublic();
        ECParameterSpec real = good.getParams();
        BigInteger x = good.getW().getAffineX();
        BigInteger y = good.getW().getAffineY().add(BigInteger.ONE);
        EllipticCurve curve = real.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        // choose b so that (x, y) lies on y² = x³ + ax + b
        BigInteger b = y.pow(2).subtract(x.pow(3)).subtract(curve.getA().multiply(x)).mod(p);
        ECParameterSpec almost = new ECParameterSpec(new EllipticCurve(curve.getField(), curve.getA(), b),
                real.getGenerator(), real.getOrder(), real.getCofactor());
        assertTrue(EcPoints.onCurve(almost.getCurve(), x, y));
        assertRefused(Reason.UNSUPPORTED_KEY, BadKeys.ec(new ECPoint(x, y), almost));
    }

    private void assertRefused(Reason reason, PublicKey key) {
        assertRefused(reason, () -> screening.screen(key));
    }

    private static void assertRefused(Reason reason, Executable screening) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, screening);
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
