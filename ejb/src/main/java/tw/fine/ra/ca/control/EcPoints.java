package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.EC_POINT_INVALID;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.UNSUPPORTED_KEY;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.List;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * Public key validation for EC keys (NIST SP 800-56A 5.6.2.3.3): the curve is P-256 or P-384 by
 * its parameters, not only by its name; the point is not at infinity, its coordinates are field
 * elements and satisfy y² = x³ + ax + b. Both curves have cofactor 1, so a point on the curve has
 * the curve's prime order and no further check is needed. A point off the curve lets an attacker
 * learn a private key from key agreement answers (invalid-curve attacks).
 */
final class EcPoints {

    private static final List<ECParameterSpec> CURVES = List.of(named("secp256r1"), named("secp384r1"));

    private EcPoints() {
    }

    static void check(ECPublicKey key) throws RequestRejectedException {
        ECParameterSpec params = key.getParams();
        if (CURVES.stream().noneMatch(curve -> same(curve, params))) {
            throw new RequestRejectedException(UNSUPPORTED_KEY, "EC curve other than P-256 and P-384");
        }
        ECPoint w = key.getW();
        if (ECPoint.POINT_INFINITY.equals(w)) {
            throw new RequestRejectedException(EC_POINT_INVALID, "the point at infinity");
        }
        if (!onCurve(params.getCurve(), w.getAffineX(), w.getAffineY())) {
            throw new RequestRejectedException(EC_POINT_INVALID, "the point is not on the curve");
        }
    }

    static boolean onCurve(EllipticCurve curve, BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (!isFieldElement(x, p) || !isFieldElement(y, p)) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.multiply(y).mod(p).equals(right);
    }

    private static boolean isFieldElement(BigInteger v, BigInteger p) {
        return v.signum() >= 0 && v.compareTo(p) < 0;
    }

    private static boolean same(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().getField().equals(b.getCurve().getField())
                && a.getCurve().getA().equals(b.getCurve().getA()) && a.getCurve().getB().equals(b.getCurve().getB())
                && a.getGenerator().equals(b.getGenerator()) && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    private static ECParameterSpec named(String curve) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK knows no " + curve, e);
        }
    }
}
