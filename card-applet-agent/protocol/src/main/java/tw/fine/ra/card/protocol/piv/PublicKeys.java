package tw.fine.ra.card.protocol.piv;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Map;

/** Decodes the public key template 7F49 that GENERATE ASYMMETRIC KEY PAIR answers. */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static PublicKey fromTemplate(KeyAlgorithm algorithm, byte[] template) {
        return fromFields(algorithm, Tlv.unwrap(0x7F49, template));
    }

    /** The content of a 7F49 template: {@code 81 modulus, 82 exponent} or {@code 86 point}. */
    public static PublicKey fromFields(KeyAlgorithm algorithm, byte[] content) {
        Map<Integer, byte[]> fields = Tlv.children(content);
        try {
            if (algorithm == KeyAlgorithm.RSA_2048) {
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, fields.get(0x81)),
                        new BigInteger(1, fields.get(0x82)));
                return KeyFactory.getInstance("RSA").generatePublic(spec);
            }
            byte[] point = fields.get(0x86);
            if (point == null || point.length != 65 || point[0] != 0x04) {
                throw new IllegalArgumentException("not an uncompressed P-256 point");
            }
            ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("card returned an unusable public key", e);
        }
    }

    public static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
