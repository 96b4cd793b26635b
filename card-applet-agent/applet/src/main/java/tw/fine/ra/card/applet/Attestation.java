package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.RandomData;

/**
 * Attestation (vendor INS F9, as on YubiKeys): an X.509 v3 certificate over a slot's public key,
 * signed ECDSA-SHA256 by the attestation key F9. Issuer and validity come from the F9 certificate
 * the RA wrote (5FFF01); the extensions name the card GUID and the slot. Every key on this card
 * was generated on it (there is no import), so the certificate's existence is the claim.
 */
final class Attestation {

    private static final short WORK_CAPACITY = 1400;
    private static final short NAME_LIMIT = 400;
    private static final short SERIAL_BYTES = 16;

    private static final byte[] VERSION_3 = {(byte) 0xA0, 0x03, 0x02, 0x01, 0x02};
    private static final byte[] ECDSA_SHA256 = {0x30, 0x0A, 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02};
    private static final byte[] RSA_ENCRYPTION = {
        0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_P256 = {
        0x30, 0x13, 0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01,
        0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final byte[] SUBJECT_PREFIX = {
        'F', 'I', 'N', 'E', ' ', 'R', 'A', ' ', 'P', 'I', 'V', ' ', 'A', 't', 't', 'e', 's', 't', 'a', 't', 'i', 'o', 'n', ' '};
    /** Issuer when no F9 certificate is on the card yet: the attestation then verifies to nothing. */
    private static final byte[] UNCERTIFIED_ISSUER = {
        'F', 'I', 'N', 'E', ' ', 'R', 'A', ' ', 'P', 'I', 'V', ' ', 'A', 't', 't', 'e', 's', 't', 'a', 't', 'i', 'o', 'n',
        ' ', '(', 'u', 'n', 'c', 'e', 'r', 't', 'i', 'f', 'i', 'e', 'd', ')'};
    private static final byte[] UNCERTIFIED_VALIDITY = {
        0x30, 0x1E,
        0x17, 0x0D, '2', '6', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z',
        0x17, 0x0D, '4', '9', '1', '2', '3', '1', '2', '3', '5', '9', '5', '9', 'Z'};
    /**
     * OID arc 2.25.239636511682251163999901559581088655581 (a UUID arc, ITU-T X.667) owned by FINE RA;
     * {@code .1} = card GUID (OCTET STRING 16), {@code .2} = key slot (OCTET STRING 1). Content bytes without the last arc.
     */
    private static final byte[] ARC = {
        0x69, (byte) 0x82, (byte) 0xE8, (byte) 0xC8, (byte) 0xA8, (byte) 0x8E, (byte) 0x8F, (byte) 0x98, (byte) 0x9A,
        (byte) 0xA9, (byte) 0x9B, (byte) 0x80, (byte) 0xB6, (byte) 0xAE, (byte) 0xCA, (byte) 0xD3, (byte) 0x85,
        (byte) 0xFE, (byte) 0xD1, 0x5D};
    private static final byte ARC_GUID = 0x01;
    private static final byte ARC_SLOT = 0x02;

    private final byte[] work = new byte[WORK_CAPACITY];
    private final RandomData random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);

    /** Builds the attestation of {@code slot} in the work buffer; returns its length (the certificate starts at 0). */
    short attest(short slot, KeySlots keys, byte[] guid, DataObjects objects) {
        byte algorithm = keys.algorithm(slot);
        if (algorithm == KeySlots.ALG_NONE) {
            ISOException.throwIt(KeySlots.SW_KEY_NOT_FOUND);
        }
        byte[] w = work;
        short tbs = Der.RESERVE;
        short p = (short) (tbs + Der.RESERVE);
        p = Util.arrayCopyNonAtomic(VERSION_3, (short) 0, w, p, (short) VERSION_3.length);
        p = serial(w, p);
        p = Util.arrayCopyNonAtomic(ECDSA_SHA256, (short) 0, w, p, (short) ECDSA_SHA256.length);
        p = issuerAndValidity(objects, w, p);
        p = subject(w, p, KeySlots.reference(slot));
        p = subjectPublicKeyInfo(keys, slot, algorithm, w, p);
        p = extensions(w, p, guid, KeySlots.reference(slot));
        short tbsEnd = Der.close(w, tbs, Der.SEQUENCE, p);
        p = Util.arrayCopyNonAtomic(ECDSA_SHA256, (short) 0, w, tbsEnd, (short) ECDSA_SHA256.length);
        short bits = p;
        p = (short) (p + Der.RESERVE);
        w[p++] = 0;
        p += keys.attestationSign(w, tbs, (short) (tbsEnd - tbs), w, p);
        p = Der.close(w, bits, Der.BIT_STRING, p);
        return Der.close(w, (short) 0, Der.SEQUENCE, p);
    }

    byte[] buffer() {
        return work;
    }

    /** 16 random bytes, positive and without a leading zero, so the INTEGER is always 16 bytes long. */
    private short serial(byte[] w, short p) {
        w[p++] = Der.INTEGER;
        w[p++] = (byte) SERIAL_BYTES;
        random.generateData(w, p, SERIAL_BYTES);
        w[p] = (byte) ((w[p] & 0x7F) | 0x40);
        return (short) (p + SERIAL_BYTES);
    }

    /** Issuer = subject of the F9 certificate, validity = its validity; fixed values while there is none. */
    private static short issuerAndValidity(DataObjects objects, byte[] w, short p) {
        if (!objects.has(DataObjects.CERT_F9)) {
            p = commonName(w, p, UNCERTIFIED_ISSUER, (short) UNCERTIFIED_ISSUER.length, (byte) 0, false);
            return Util.arrayCopyNonAtomic(UNCERTIFIED_VALIDITY, (short) 0, w, p, (short) UNCERTIFIED_VALIDITY.length);
        }
        byte[] o = objects.value(DataObjects.CERT_F9);
        short content = Tlv.valueOffset(o, (short) 1);
        short cert = Tlv.find(o, content, (short) (content + Tlv.length(o, (short) 1)), (byte) 0x70);
        short certificate = Tlv.valueOffset(o, cert);
        short tbs = Tlv.valueOffset(o, (short) (certificate + 1));
        short e = Tlv.valueOffset(o, (short) (tbs + 1));
        if (o[e] == (byte) 0xA0) {
            e = Der.skip(o, e);
        }
        e = Der.skip(o, Der.skip(o, e));
        short validity = Der.skip(o, e);
        short subject = Der.skip(o, validity);
        short subjectEnd = Der.skip(o, subject);
        if ((short) (subjectEnd - validity) > NAME_LIMIT) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        p = Util.arrayCopyNonAtomic(o, subject, w, p, (short) (subjectEnd - subject));
        return Util.arrayCopyNonAtomic(o, validity, w, p, (short) (subject - validity));
    }

    private static short subject(byte[] w, short p, byte reference) {
        return commonName(w, p, SUBJECT_PREFIX, (short) SUBJECT_PREFIX.length, reference, true);
    }

    /** Name = SEQUENCE { SET { SEQUENCE { CN, UTF8String text [+ slot in hex] } } }. */
    private static short commonName(byte[] w, short p, byte[] text, short len, byte reference, boolean withSlot) {
        short name = p;
        short set = (short) (name + Der.RESERVE);
        short attribute = (short) (set + Der.RESERVE);
        short q = Util.arrayCopyNonAtomic(COMMON_NAME, (short) 0, w, (short) (attribute + Der.RESERVE), (short) COMMON_NAME.length);
        short value = q;
        q = Util.arrayCopyNonAtomic(text, (short) 0, w, (short) (value + Der.RESERVE), len);
        if (withSlot) {
            w[q++] = hexDigit((byte) ((reference >> 4) & 0x0F));
            w[q++] = hexDigit((byte) (reference & 0x0F));
        }
        q = Der.close(w, value, Der.UTF8_STRING, q);
        q = Der.close(w, attribute, Der.SEQUENCE, q);
        q = Der.close(w, set, Der.SET, q);
        return Der.close(w, name, Der.SEQUENCE, q);
    }

    private static byte hexDigit(byte nibble) {
        return (byte) (nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
    }

    private static short subjectPublicKeyInfo(KeySlots keys, short slot, byte algorithm, byte[] w, short p) {
        short info = p;
        short q = (short) (info + Der.RESERVE);
        if (algorithm == KeySlots.ALG_RSA2048) {
            q = Util.arrayCopyNonAtomic(RSA_ENCRYPTION, (short) 0, w, q, (short) RSA_ENCRYPTION.length);
            short bits = q;
            q = (short) (bits + Der.RESERVE);
            w[q++] = 0;
            short sequence = q;
            // The raw values go to the far end of the buffer first, then become INTEGERs in place.
            short scratch = (short) (WORK_CAPACITY - KeySlots.RSA_BYTES - 8);
            short n = keys.publicValue(slot, w, scratch);
            q = Der.unsignedInteger(w, (short) (sequence + Der.RESERVE), w, scratch, n);
            short e = keys.rsaExponent(slot, w, scratch);
            q = Der.unsignedInteger(w, q, w, scratch, e);
            q = Der.close(w, sequence, Der.SEQUENCE, q);
            q = Der.close(w, bits, Der.BIT_STRING, q);
        } else {
            q = Util.arrayCopyNonAtomic(EC_P256, (short) 0, w, q, (short) EC_P256.length);
            short bits = q;
            q = (short) (bits + Der.RESERVE);
            w[q++] = 0;
            q += keys.publicValue(slot, w, q);
            q = Der.close(w, bits, Der.BIT_STRING, q);
        }
        return Der.close(w, info, Der.SEQUENCE, q);
    }

    /** [3] { SEQUENCE { ext(GUID), ext(slot) } }, both non-critical. */
    private static short extensions(byte[] w, short p, byte[] guid, byte reference) {
        short explicit = p;
        short list = (short) (explicit + Der.RESERVE);
        short q = extension(w, (short) (list + Der.RESERVE), ARC_GUID, guid, (short) 0, Personalization.GUID_LENGTH);
        w[(short) (WORK_CAPACITY - 1)] = reference;
        q = extension(w, q, ARC_SLOT, w, (short) (WORK_CAPACITY - 1), (short) 1);
        q = Der.close(w, list, Der.SEQUENCE, q);
        return Der.close(w, explicit, (byte) 0xA3, q);
    }

    /** SEQUENCE { OID arc.n, OCTET STRING { OCTET STRING value } }. */
    private static short extension(byte[] w, short p, byte arc, byte[] value, short off, short len) {
        short ext = p;
        short q = (short) (ext + Der.RESERVE);
        w[q++] = Der.OID;
        w[q++] = (byte) (ARC.length + 1);
        q = Util.arrayCopyNonAtomic(ARC, (short) 0, w, q, (short) ARC.length);
        w[q++] = arc;
        short wrapper = q;
        q = Der.write(w, (short) (wrapper + Der.RESERVE), Der.OCTET_STRING, value, off, len);
        q = Der.close(w, wrapper, Der.OCTET_STRING, q);
        return Der.close(w, ext, Der.SEQUENCE, q);
    }
}
