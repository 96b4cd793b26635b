package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.HMACKey;
import javacard.security.KeyAgreement;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * The blank card's transport key (P-256, generated at install) and the opening of a sealed
 * personalization envelope, so PIN, PUK and management key cross page and agent encrypted
 * (ADR 0004). After {@link #MAX_FAILURES} envelopes with a wrong tag it answers 6983. Envelope: {@code 81 E(65), 82 C, 83 T(32)};
 * {@code Z = ECDH(transport, E)}, {@code Kenc || Kmac = HMAC-SHA256(Z, 00000001 || LABEL || 00 || E || Q || 00000100)},
 * {@code T = HMAC-SHA256(Kmac, E || C)}, {@code P = AES-128-CBC-decrypt(Kenc, IV 0, C)} with ISO 9797-1 method 2 padding.
 */
final class TransportKey {

    private static final byte[] LABEL = {
        'F', 'I', 'N', 'E', '-', 'R', 'A', ' ', 'p', 'e', 'r', 's', 'o', 'n', 'a', 'l', 'i', 'z', 'a', 't', 'i', 'o', 'n',
        ' ', 'v', '1'};
    private static final short POINT = 65;
    private static final short MAC = 32;
    private static final short MAX_PLAIN = 96;
    /**
     * Envelopes that fail to open before the card stops trying (6983): bounds what a forged point
     * can teach about the transport key where the platform's ECDH does not validate points.
     */
    static final byte MAX_FAILURES = 5;

    private byte failures;

    private final KeyPair pair = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_256);
    private final KeyAgreement ecdh = KeyAgreement.getInstance(KeyAgreement.ALG_EC_SVDP_DH_PLAIN, false);
    private final Signature hmac = Signature.getInstance(Signature.ALG_HMAC_SHA_256, false);
    private final HMACKey hmacKey = (HMACKey) KeyBuilder.buildKey(KeyBuilder.TYPE_HMAC_TRANSIENT_DESELECT,
            KeyBuilder.LENGTH_HMAC_SHA_256_BLOCK_64, false);
    private final AESKey aesKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES_TRANSIENT_DESELECT, KeyBuilder.LENGTH_AES_128, false);
    private final Cipher aes = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_CBC_NOPAD, false);
    /** Z, then the derived keys, then the MAC the card computes: wiped after each envelope. */
    private final byte[] secrets = JCSystem.makeTransientByteArray((short) 96, JCSystem.CLEAR_ON_DESELECT);
    /** KDF input; holds no secret. */
    private final byte[] context = new byte[(short) (4 + 26 + 1 + 2 * POINT + 4)];

    TransportKey() {
        P256.apply((ECPublicKey) pair.getPublic());
        P256.apply((ECPrivateKey) pair.getPrivate());
        pair.genKeyPair();
    }

    /** Public key template {@code 7F49 {86 point}}. */
    short writePublic(byte[] out, short off) {
        short p = (short) (off + Der.RESERVE + 1);
        out[p++] = (byte) 0x86;
        out[p++] = (byte) POINT;
        p += ((ECPublicKey) pair.getPublic()).getW(out, p);
        return (short) (Der.closeTwoByteTag(out, off, (byte) 0x7F, (byte) 0x49, p) - off);
    }

    /**
     * Checks and decrypts the envelope in {@code b[0, len)}; the plaintext (padding removed) is
     * written to {@code plain} and its length returned. A wrong tag or padding answers 6982.
     */
    short open(byte[] b, short len, byte[] plain) {
        if (failures >= MAX_FAILURES) {
            ISOException.throwIt(ISO7816.SW_FILE_INVALID);
        }
        short e = Tlv.find(b, (short) 0, len, (byte) 0x81);
        short c = Tlv.find(b, (short) 0, len, (byte) 0x82);
        short t = Tlv.find(b, (short) 0, len, (byte) 0x83);
        if (e < 0 || c < 0 || t < 0 || Tlv.length(b, e) != POINT || Tlv.length(b, t) != MAC) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short cLen = Tlv.length(b, c);
        if (cLen == 0 || cLen > MAX_PLAIN || (short) (cLen % 16) != 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short eOff = Tlv.valueOffset(b, e);
        short cOff = Tlv.valueOffset(b, c);
        try {
            deriveKeys(b, eOff);
            // T = HMAC(Kmac, E || C): E and C are not adjacent in the body, so feed them in two parts.
            hmacKey.setKey(secrets, (short) 16, (short) 16);
            hmac.init(hmacKey, Signature.MODE_SIGN);
            hmac.update(b, eOff, POINT);
            hmac.sign(b, cOff, cLen, secrets, (short) 32);
            short diff = 0;
            short tOff = Tlv.valueOffset(b, t);
            for (short i = 0; i < MAC; i++) {
                diff |= (short) (secrets[(short) (32 + i)] ^ b[(short) (tOff + i)]);
            }
            if (diff != 0) {
                failures++;
                ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
            }
            aesKey.setKey(secrets, (short) 0);
            Util.arrayFillNonAtomic(secrets, (short) 64, (short) 16, (byte) 0);
            aes.init(aesKey, Cipher.MODE_DECRYPT, secrets, (short) 64, (short) 16);
            aes.doFinal(b, cOff, cLen, plain, (short) 0);
            return unpad(plain, cLen);
        } finally {
            Util.arrayFillNonAtomic(secrets, (short) 0, (short) secrets.length, (byte) 0);
            hmacKey.clearKey();
            aesKey.clearKey();
        }
    }

    /** Z = ECDH x coordinate; Kenc || Kmac = SP 800-108 counter-mode HMAC-SHA256 block 1 into {@code secrets[0, 32)}. */
    private void deriveKeys(byte[] b, short eOff) {
        ecdh.init(pair.getPrivate());
        short zLen = ecdh.generateSecret(b, eOff, POINT, secrets, (short) 0);
        short p = 0;
        context[p++] = 0;
        context[p++] = 0;
        context[p++] = 0;
        context[p++] = 1;
        p = Util.arrayCopyNonAtomic(LABEL, (short) 0, context, p, (short) LABEL.length);
        context[p++] = 0;
        p = Util.arrayCopyNonAtomic(b, eOff, context, p, POINT);
        p += ((ECPublicKey) pair.getPublic()).getW(context, p);
        context[p++] = 0;
        context[p++] = 0;
        context[p++] = 0x01;
        context[p++] = 0x00;
        hmacKey.setKey(secrets, (short) 0, zLen);
        hmac.init(hmacKey, Signature.MODE_SIGN);
        hmac.sign(context, (short) 0, p, secrets, (short) 0);
    }

    /** ISO/IEC 9797-1 method 2: the last 80 byte ends the data, only zeros after it. */
    private static short unpad(byte[] plain, short len) {
        short i = (short) (len - 1);
        while (i > 0 && plain[i] == 0) {
            i--;
        }
        if (plain[i] != (byte) 0x80) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        return i;
    }
}
