package tw.fine.ra.ca.control;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Key types a CA, issuing CA or OCSP signer key may have, with the signature algorithm each uses. */
public enum KeyAlgorithm {
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA384withRSA"),
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA");

    private final String family;
    private final int bits;
    private final String curve;
    private final String signatureAlgorithm;

    KeyAlgorithm(String family, int bits, String curve, String signatureAlgorithm) {
        this.family = family;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String family() {
        return family;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public boolean isEc() {
        return curve != null;
    }

    /** Accepts the enum name or the short forms used in configuration: {@code RSA-2048}, {@code P-256}. */
    public static KeyAlgorithm parse(String text) {
        String t = text.trim().toUpperCase().replace('-', '_');
        if (t.startsWith("P_")) {
            t = "EC_" + t;
        }
        return valueOf(t);
    }

    /** The algorithm of an existing key, e.g. one loaded from the store at start. */
    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            for (KeyAlgorithm a : values()) {
                if (!a.isEc() && a.bits == bits) {
                    return a;
                }
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            for (KeyAlgorithm a : values()) {
                if (a.isEc() && a.bits == bits) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unsupported CA key " + key.getAlgorithm());
    }

    void initialize(KeyPairGenerator generator) {
        try {
            if (isEc()) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            }
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("key store cannot generate " + this, e);
        }
    }
}
