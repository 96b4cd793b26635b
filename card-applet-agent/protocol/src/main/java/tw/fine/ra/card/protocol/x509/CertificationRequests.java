package tw.fine.ra.card.protocol.x509;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * PKCS#10 (RFC 2986) requests whose signature a card makes: the caller reads the public key from
 * the card, has the card sign SHA-256 of {@link #info}, and {@link #assemble}s the request, which
 * thereby proves possession of that key. SHA256withECDSA for P-256, SHA256withRSA (PKCS#1 v1.5) for RSA.
 */
public final class CertificationRequests {

    public static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    public static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";

    private CertificationRequests() {
    }

    /** The CertificationRequestInfo for subject {@code CN=commonName}, no attributes: what the card signs (its SHA-256). */
    public static byte[] info(PublicKey key, String commonName) {
        return Der.sequence(
                Der.integer(BigInteger.ZERO),
                Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName)))),
                key.getEncoded(),
                Der.element(0xA0, new byte[0]));
    }

    /**
     * The DER request: {@code info}, the algorithm the key implies, and the card's signature (DER
     * ECDSA, or PKCS#1 v1.5 RSA) over SHA-256 of {@code info}.
     */
    public static byte[] assemble(PublicKey key, byte[] info, byte[] signature) {
        byte[] algorithm;
        if (key instanceof ECPublicKey) {
            algorithm = Der.sequence(Der.oid(ECDSA_SHA256));
        } else if (key instanceof RSAPublicKey) {
            algorithm = Der.sequence(Der.oid(RSA_SHA256), Der.nullValue());
        } else {
            throw new IllegalArgumentException("RSA or EC key expected");
        }
        return Der.sequence(info, algorithm, Der.bitString(signature));
    }
}
