package tw.fine.ra.card.protocol.piv;

import java.util.HexFormat;

/**
 * PKCS#1 v1.5 signature padding built on the host: a PIV card does raw RSA, so whoever asks it
 * to sign decides the padding (as OpenSC and the Windows minidriver do).
 */
public final class Padding {

    /** DER DigestInfo prefix for SHA-256 (RFC 8017, section 9.2, note 1). */
    private static final byte[] SHA256_PREFIX = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private Padding() {
    }

    public static byte[] pkcs1Sha256(byte[] digest, int modulusBytes) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("SHA-256 digest expected");
        }
        byte[] block = new byte[modulusBytes];
        int t = SHA256_PREFIX.length + digest.length;
        block[1] = 0x01;
        for (int i = 2; i < modulusBytes - t - 1; i++) {
            block[i] = (byte) 0xFF;
        }
        System.arraycopy(SHA256_PREFIX, 0, block, modulusBytes - t, SHA256_PREFIX.length);
        System.arraycopy(digest, 0, block, modulusBytes - digest.length, digest.length);
        return block;
    }
}
