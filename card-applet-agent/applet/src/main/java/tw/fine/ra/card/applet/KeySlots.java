package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyAgreement;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.RSAPublicKey;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/** The four PIV key slots 9A, 9C, 9D, 9E: on-card generation and the private-key operations. */
final class KeySlots {

    static final byte ALG_NONE = 0x00;
    static final byte ALG_RSA2048 = 0x07;
    static final byte ALG_P256 = 0x11;
    static final short RSA_BYTES = 256;

    private static final byte[] REFERENCES = {(byte) 0x9A, (byte) 0x9C, (byte) 0x9D, (byte) 0x9E};
    private static final short SW_KEY_NOT_FOUND = 0x6A88;

    private final KeyPair[] rsaPairs = new KeyPair[4];
    private final KeyPair[] ecPairs = new KeyPair[4];
    private final byte[] algorithms = new byte[4];
    private final Cipher rsa = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);
    private final Signature ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    private final KeyAgreement ecdh = KeyAgreement.getInstance(KeyAgreement.ALG_EC_SVDP_DH_PLAIN, false);

    /** Slot index of a key reference, or a P2 error for anything but the four PIV keys. */
    static short index(byte reference) {
        for (short i = 0; i < (short) REFERENCES.length; i++) {
            if (REFERENCES[i] == reference) {
                return i;
            }
        }
        ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        return -1;
    }

    static byte reference(short index) {
        return REFERENCES[index];
    }

    byte algorithm(short slot) {
        return algorithms[slot];
    }

    /** Generates a pair in the slot and writes the public key template 7F49 to {@code out}. */
    short generate(short slot, byte alg, byte[] out, short off) {
        if (alg == ALG_RSA2048) {
            KeyPair pair = rsaPairs[slot];
            if (pair == null) {
                pair = new KeyPair(KeyPair.ALG_RSA_CRT, KeyBuilder.LENGTH_RSA_2048);
                rsaPairs[slot] = pair;
            }
            algorithms[slot] = ALG_NONE;
            pair.genKeyPair();
            algorithms[slot] = ALG_RSA2048;
            return writeRsaPublic((RSAPublicKey) pair.getPublic(), out, off);
        }
        if (alg == ALG_P256) {
            KeyPair pair = ecPairs[slot];
            if (pair == null) {
                pair = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_256);
                P256.apply((ECPublicKey) pair.getPublic());
                P256.apply((ECPrivateKey) pair.getPrivate());
                ecPairs[slot] = pair;
            }
            algorithms[slot] = ALG_NONE;
            pair.genKeyPair();
            algorithms[slot] = ALG_P256;
            return writeEcPublic((ECPublicKey) pair.getPublic(), out, off);
        }
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }

    /** Checks that the slot holds a key of the algorithm the host named in P1. */
    void require(short slot, byte alg) {
        if (algorithms[slot] == ALG_NONE) {
            ISOException.throwIt(SW_KEY_NOT_FOUND);
        }
        if (algorithms[slot] != alg) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
    }

    /** Raw RSA with the private key: the host supplies the padded block (signature or decryption). */
    short rsaPrivate(short slot, byte[] in, short inOff, short len, byte[] out, short outOff) {
        if (len != RSA_BYTES) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        rsa.init(rsaPairs[slot].getPrivate(), Cipher.MODE_DECRYPT);
        short produced = rsa.doFinal(in, inOff, len, out, outOff);
        if (produced < RSA_BYTES) {
            // Some engines drop leading zero bytes; PIV answers the full modulus length.
            short pad = (short) (RSA_BYTES - produced);
            Util.arrayCopyNonAtomic(out, outOff, out, (short) (outOff + pad), produced);
            Util.arrayFillNonAtomic(out, outOff, pad, (byte) 0);
        }
        return RSA_BYTES;
    }

    /** ECDSA over a hash the host computed; longer hashes are truncated as FIPS 186 says. */
    short ecdsaSign(short slot, byte[] in, short inOff, short len, byte[] out, short outOff) {
        if (len < P256.FIELD_BYTES) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        ecdsa.init(ecPairs[slot].getPrivate(), Signature.MODE_SIGN);
        return ecdsa.signPreComputedHash(in, inOff, P256.FIELD_BYTES, out, outOff);
    }

    /** ECDH: the shared secret's x coordinate with the host's uncompressed point. */
    short ecdhAgree(short slot, byte[] in, short inOff, short len, byte[] out, short outOff) {
        if (len != (short) (2 * P256.FIELD_BYTES + 1) || in[inOff] != 0x04) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        ecdh.init(ecPairs[slot].getPrivate());
        return ecdh.generateSecret(in, inOff, len, out, outOff);
    }

    private static short writeRsaPublic(RSAPublicKey key, byte[] out, short off) {
        // The content is 81 82 01 00 <modulus> 82 03 <65537>; the header is rewritten if the exponent differs.
        short start = writeTemplateHeader(out, off, (short) (4 + RSA_BYTES + 5));
        short p = start;
        out[p++] = (byte) 0x81;
        p = Tlv.writeLength(out, p, RSA_BYTES);
        p += key.getModulus(out, p);
        out[p++] = (byte) 0x82;
        short lenOff = p++;
        short exponentLength = key.getExponent(out, p);
        out[lenOff] = (byte) exponentLength;
        p += exponentLength;
        writeTemplateHeader(out, off, (short) (p - start));
        return (short) (p - off);
    }

    private static short writeEcPublic(ECPublicKey key, byte[] out, short off) {
        short p = writeTemplateHeader(out, off, (short) (2 + 2 * P256.FIELD_BYTES + 1));
        out[p++] = (byte) 0x86;
        short lenOff = p++;
        short w = key.getW(out, p);
        out[lenOff] = (byte) w;
        return (short) (p + w - off);
    }

    /** Tag 7F49 with a three-byte length (always long form, so the offsets never move). */
    private static short writeTemplateHeader(byte[] out, short off, short length) {
        out[off] = 0x7F;
        out[(short) (off + 1)] = 0x49;
        if (length < 0x80) {
            out[(short) (off + 2)] = (byte) length;
            return (short) (off + 3);
        }
        out[(short) (off + 2)] = (byte) 0x82;
        Util.setShort(out, (short) (off + 3), length);
        return (short) (off + 5);
    }
}
