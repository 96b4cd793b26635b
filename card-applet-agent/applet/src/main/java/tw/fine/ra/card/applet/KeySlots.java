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

/**
 * The four PIV key slots 9A, 9C, 9D, 9E and the attestation key F9: on-card generation and the
 * private-key operations. F9 is generated once at personalization and only signs attestations.
 */
final class KeySlots {

    static final byte ALG_NONE = 0x00;
    static final byte ALG_RSA2048 = 0x07;
    static final byte ALG_P256 = 0x11;
    static final short RSA_BYTES = 256;

    /** Index of the attestation key F9, after the four slots the host may use. */
    static final short ATTESTATION = 4;
    static final short COUNT = 5;
    static final short SW_KEY_NOT_FOUND = 0x6A88;
    /** Generations of an RSA pair before GENERATE gives up (6F00): each must pass the consistency test. */
    static final short MAX_GENERATIONS = 5;

    private static final byte[] REFERENCES = {(byte) 0x9A, (byte) 0x9C, (byte) 0x9D, (byte) 0x9E, (byte) 0xF9};

    private final KeyPair[] rsaPairs = new KeyPair[COUNT];
    private final KeyPair[] ecPairs = new KeyPair[COUNT];
    private final byte[] algorithms = new byte[COUNT];
    private final Cipher rsa = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);
    private final Signature ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    private final KeyAgreement ecdh = KeyAgreement.getInstance(KeyAgreement.ALG_EC_SVDP_DH_PLAIN, false);

    /** Slot index of a key reference, or a P2 error for anything but the four PIV keys. */
    static short index(byte reference) {
        short i = anyIndex(reference);
        if (i == ATTESTATION) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        return i;
    }

    /** Like {@link #index} but F9 included: for reading what a slot holds. */
    static short anyIndex(byte reference) {
        for (short i = 0; i < COUNT; i++) {
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
        KeyPair pair = pair(slot, alg);
        algorithms[slot] = ALG_NONE;
        pair.genKeyPair();
        // pairwise consistency test (FIPS 140-3 7.10.3.3): a pair whose halves do not match is
        // never kept; jCardSim's RSA-CRT generator yields one in about fifty
        for (short tries = 1; alg == ALG_RSA2048 && !rsaPairConsistent(pair, out, off); tries++) {
            if (tries == MAX_GENERATIONS) {
                ISOException.throwIt(ISO7816.SW_UNKNOWN);
            }
            pair.genKeyPair();
        }
        algorithms[slot] = alg;
        short end = writePublicFields(slot, out, (short) (off + Der.RESERVE + 1));
        return (short) (Der.closeTwoByteTag(out, off, (byte) 0x7F, (byte) 0x49, end) - off);
    }

    /**
     * Raw RSA of a known block with the public key, then back with the private key: true if the
     * block comes back. Uses {@code 2 * RSA_BYTES} bytes of {@code work} from {@code off}.
     */
    private boolean rsaPairConsistent(KeyPair pair, byte[] work, short off) {
        short cipherOff = (short) (off + RSA_BYTES);
        work[off] = 0; // below the modulus
        for (short i = 1; i < RSA_BYTES; i++) {
            work[(short) (off + i)] = (byte) i;
        }
        rsa.init(pair.getPublic(), Cipher.MODE_ENCRYPT);
        rsa.doFinal(work, off, RSA_BYTES, work, cipherOff);
        rsa.init(pair.getPrivate(), Cipher.MODE_DECRYPT);
        short produced = rsa.doFinal(work, cipherOff, RSA_BYTES, work, off);
        short skipped = (short) (RSA_BYTES - produced); // engines that drop leading zero bytes
        for (short i = 0; i < produced; i++) {
            if (work[(short) (off + i)] != (byte) (i + skipped)) {
                return false;
            }
        }
        return true;
    }

    private KeyPair pair(short slot, byte alg) {
        if (alg == ALG_RSA2048) {
            if (rsaPairs[slot] == null) {
                rsaPairs[slot] = new KeyPair(KeyPair.ALG_RSA_CRT, KeyBuilder.LENGTH_RSA_2048);
            }
            return rsaPairs[slot];
        }
        if (alg == ALG_P256) {
            if (ecPairs[slot] == null) {
                KeyPair pair = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_256);
                P256.apply((ECPublicKey) pair.getPublic());
                P256.apply((ECPrivateKey) pair.getPrivate());
                ecPairs[slot] = pair;
            }
            return ecPairs[slot];
        }
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return null;
    }

    /**
     * The slot's public key as the fields of a 7F49 template: {@code 81 modulus, 82 exponent} or
     * {@code 86 point}. Answers 6A88 for an empty slot.
     */
    short writePublicFields(short slot, byte[] out, short p) {
        if (algorithms[slot] == ALG_RSA2048) {
            RSAPublicKey key = (RSAPublicKey) rsaPairs[slot].getPublic();
            out[p++] = (byte) 0x81;
            p = Tlv.writeLength(out, p, RSA_BYTES);
            p += key.getModulus(out, p);
            out[p++] = (byte) 0x82;
            short lenOff = p++;
            short exponentLength = key.getExponent(out, p);
            out[lenOff] = (byte) exponentLength;
            return (short) (p + exponentLength);
        }
        if (algorithms[slot] == ALG_P256) {
            out[p++] = (byte) 0x86;
            short lenOff = p++;
            short w = ((ECPublicKey) ecPairs[slot].getPublic()).getW(out, p);
            out[lenOff] = (byte) w;
            return (short) (p + w);
        }
        ISOException.throwIt(SW_KEY_NOT_FOUND);
        return p;
    }

    /** Modulus (RSA) or uncompressed point (P-256) of the slot's public key, for certificates built on the card. */
    short publicValue(short slot, byte[] out, short p) {
        if (algorithms[slot] == ALG_RSA2048) {
            return ((RSAPublicKey) rsaPairs[slot].getPublic()).getModulus(out, p);
        }
        return ((ECPublicKey) ecPairs[slot].getPublic()).getW(out, p);
    }

    short rsaExponent(short slot, byte[] out, short p) {
        return ((RSAPublicKey) rsaPairs[slot].getPublic()).getExponent(out, p);
    }

    /** ECDSA-SHA256 over a whole message with the attestation key (F9); nothing else may use that key. */
    short attestationSign(byte[] in, short inOff, short len, byte[] out, short outOff) {
        if (algorithms[ATTESTATION] != ALG_P256) {
            ISOException.throwIt(SW_KEY_NOT_FOUND);
        }
        ecdsa.init(ecPairs[ATTESTATION].getPrivate(), Signature.MODE_SIGN);
        return ecdsa.sign(in, inOff, len, out, outOff);
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
}
