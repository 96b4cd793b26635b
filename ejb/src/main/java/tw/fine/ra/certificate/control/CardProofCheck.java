package tw.fine.ra.certificate.control;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Checks the card's proof of possession (ADR 0001, item 5): the card signed
 * {@code "FINE-RA card proof v1" || SHA-256(origin) || SHA-256(nonce)} with the key of a
 * certificate, as SHA256withRSA (PKCS#1 v1.5) or SHA256withECDSA (DER). The same bytes as the
 * agent's {@code CardProof}; JCA only.
 */
public final class CardProofCheck {

    static final byte[] CONTEXT = "FINE-RA card proof v1".getBytes(StandardCharsets.US_ASCII);

    public static byte[] message(String origin, String nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CONTEXT);
        out.writeBytes(sha256(origin.getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(sha256(nonce.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    /** Whether {@code signature} proves the certificate's key signed the nonce for this origin. */
    public boolean verifies(byte[] certificateDer, String origin, String nonce, byte[] signature) {
        if (signature == null || signature.length == 0) {
            return false;
        }
        try {
            PublicKey key = ((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer))).getPublicKey();
            Signature verifier = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : "SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message(origin, nonce));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a malformed signature is a failed proof, not an error
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
