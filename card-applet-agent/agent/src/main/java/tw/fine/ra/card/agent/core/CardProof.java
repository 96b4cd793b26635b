package tw.fine.ra.card.agent.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the card signs to prove possession: {@code "FINE-RA card proof v1" || SHA-256(origin) ||
 * SHA-256(nonce)}, signed as SHA256withRSA or SHA256withECDSA. Binding the origin stops a
 * foreign page from relaying a challenge; never signing a caller's raw hash stops the card being
 * used to sign documents behind the holder's back.
 */
public final class CardProof {

    static final byte[] CONTEXT = "FINE-RA card proof v1".getBytes(StandardCharsets.US_ASCII);

    private CardProof() {
    }

    public static byte[] message(String origin, String nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CONTEXT);
        out.writeBytes(sha256(origin.getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(sha256(nonce.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
