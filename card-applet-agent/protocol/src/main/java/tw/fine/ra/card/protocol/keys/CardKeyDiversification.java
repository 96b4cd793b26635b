package tw.fine.ra.card.protocol.keys;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;

/**
 * NIST SP 800-108 KDF in counter mode with HMAC-SHA256: {@code K = HMAC(master, [1]_32 || label
 * || 0x00 || GUID || [L]_32)}. One label per purpose keeps the management key and the PUK
 * of a card independent even though both come from the card GUID.
 */
public final class CardKeyDiversification {

    static final String MANAGEMENT_KEY_LABEL = "FINE-RA PIV 9B AES-128";
    static final String PUK_LABEL = "FINE-RA PIV PUK";
    private static final int GUID_LENGTH = 16;

    private final SecretKey master;
    private final Provider provider;

    public CardKeyDiversification(byte[] master) {
        this(checked(master), null);
    }

    /**
     * A master key held by a key store: on an HSM a handle to a non-extractable HMAC key, used
     * through the token's {@code provider} (null: the JDK's default).
     */
    public CardKeyDiversification(SecretKey master, Provider provider) {
        this.master = master;
        this.provider = provider;
    }

    private static SecretKey checked(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("a master key has at least 256 bits");
        }
        return new SecretKeySpec(master, "HmacSHA256");
    }

    /** The card's AES-128 management key (9B). */
    public byte[] managementKey(byte[] guid) {
        return derive(MANAGEMENT_KEY_LABEL, guid, 128);
    }

    /** The card's PUK: 8 decimal digits, so people and middleware can also type it. */
    public byte[] puk(byte[] guid) {
        byte[] raw = derive(PUK_LABEL, guid, 64);
        long value = 0;
        for (byte b : raw) {
            value = (value << 8) | (b & 0xFF);
        }
        String digits = String.format("%08d", Long.remainderUnsigned(value, 100_000_000L));
        Arrays.fill(raw, (byte) 0);
        return digits.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] derive(String label, byte[] guid, int bits) {
        if (guid.length != GUID_LENGTH) {
            throw new IllegalArgumentException("card GUID is 16 bytes");
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(new byte[] {0, 0, 0, 1});
        input.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        input.writeBytes(guid);
        input.writeBytes(new byte[] {0, 0, (byte) (bits >>> 8), (byte) bits});
        try {
            Mac mac = provider == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", provider);
            mac.init(master);
            return Arrays.copyOf(mac.doFinal(input.toByteArray()), bits / 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
