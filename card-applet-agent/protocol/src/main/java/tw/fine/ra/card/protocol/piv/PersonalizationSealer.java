package tw.fine.ra.card.protocol.piv;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * The RA server's half of sealed personalization (ADR 0004): encrypts the personalization content
 * (GUID, PIN, PUK, management key) to a blank card's transport key, so page and agent relay
 * ciphertext only. The card opens it (applet {@code TransportKey}); nobody else can.
 *
 * <pre>
 * E = ephemeral P-256 public point (65 bytes, uncompressed), Q = the card's transport point
 * Z = ECDH(e, Q), x coordinate (32 bytes)
 * Kenc || Kmac = HMAC-SHA256(Z, 00000001 || "FINE-RA personalization v1" || 00 || E || Q || 00000100)  (SP 800-108, counter)
 * C = AES-128-CBC(Kenc, IV = 0, P || 80 00..)  (ISO/IEC 9797-1 padding method 2; every key is used once)
 * T = HMAC-SHA256(Kmac, E || C)
 * envelope = 81 41 E || 82 len C || 83 20 T
 * </pre>
 * Vectors: {@code test-vectors/sealed-personalization-v1.json}.
 */
public final class PersonalizationSealer {

    static final byte[] LABEL = "FINE-RA personalization v1".getBytes(StandardCharsets.US_ASCII);

    private PersonalizationSealer() {
    }

    /** The envelope for the card whose transport key is {@code transportKey}; a fresh ephemeral key each time. */
    public static byte[] seal(ECPublicKey transportKey, Personalization data) {
        byte[] content = data.encode();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return seal(transportKey, content, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** With a given ephemeral pair: for the test vectors only. */
    static byte[] seal(ECPublicKey transportKey, byte[] content, KeyPair ephemeral) throws GeneralSecurityException {
        byte[] e = point((ECPublicKey) ephemeral.getPublic());
        byte[] keys = keys(ephemeral, transportKey, e);
        byte[] padded = Arrays.copyOf(content, (content.length / 16 + 1) * 16);
        padded[content.length] = (byte) 0x80;
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, 0, 16, "AES"), new IvParameterSpec(new byte[16]));
            byte[] c = aes.doFinal(padded);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys, 16, 16, "HmacSHA256"));
            mac.update(e);
            byte[] t = mac.doFinal(c);
            return Tlv.concat(Tlv.encode(0x81, e), Tlv.encode(0x82, c), Tlv.encode(0x83, t));
        } finally {
            Arrays.fill(keys, (byte) 0);
            Arrays.fill(padded, (byte) 0);
        }
    }

    private static byte[] keys(KeyPair ephemeral, ECPublicKey transportKey, byte[] e) throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ephemeral.getPrivate());
        ecdh.doPhase(transportKey, true);
        byte[] z = ecdh.generateSecret();
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        context.writeBytes(new byte[] {0, 0, 0, 1});
        context.writeBytes(LABEL);
        context.write(0);
        context.writeBytes(e);
        context.writeBytes(point(transportKey));
        context.writeBytes(new byte[] {0, 0, 1, 0});
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(z, "HmacSHA256"));
            return mac.doFinal(context.toByteArray());
        } finally {
            Arrays.fill(z, (byte) 0);
        }
    }

    /** Uncompressed point {@code 04 || x || y}, 65 bytes. */
    public static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        copyFixed(key.getW().getAffineX(), out, 1);
        copyFixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copyFixed(BigInteger value, byte[] out, int off) {
        byte[] bytes = value.toByteArray();
        int len = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - len, out, off + 32 - len, len);
    }
}
