package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * The PIV data objects (tags 5FC1xx) as the BER-TLV "53" blocks PUT DATA wrote, and the
 * discovery object 7E. A missing object answers 6A82, which middleware treats as "not there".
 */
final class DataObjects {

    static final byte CHUID = 0x02;
    static final byte CCC = 0x07;
    static final byte CERT_9A = 0x05;
    static final byte CERT_9C = 0x0A;
    static final byte CERT_9D = 0x0B;
    static final byte CERT_9E = 0x01;
    /** Internal name of the attestation certificate, the YubiKey object 5FFF01 (not a 5FC1xx tag). */
    static final byte CERT_F9 = (byte) 0xF9;

    /**
     * Last byte of each supported 5FC1xx tag: CHUID, CCC, four certificates, security object, printed
     * info, key history; then the attestation certificate.
     */
    private static final byte[] TAGS = {CHUID, CCC, CERT_9A, CERT_9C, CERT_9D, CERT_9E, 0x06, 0x09, 0x0C, CERT_F9};
    private static final short CERT_CAPACITY = 3072;
    private static final short SMALL_CAPACITY = 512;

    /** Discovery object: PIV AID, PIN policy 40 00 (the application PIN is the one that counts). */
    private static final byte[] DISCOVERY = {
        0x7E, 0x12,
        0x4F, 0x0B, (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00,
        0x5F, 0x2F, 0x02, 0x40, 0x00};

    private static final byte TAG_DATA = 0x53;
    private static final byte TAG_LIST = 0x5C;

    private final Object[] values = new Object[TAGS.length];
    private final short[] lengths = new short[TAGS.length];

    DataObjects() {
        for (short i = 0; i < (short) TAGS.length; i++) {
            byte t = TAGS[i];
            boolean cert = t == CERT_9A || t == CERT_9C || t == CERT_9D || t == CERT_9E || t == CERT_F9;
            values[i] = new byte[cert ? CERT_CAPACITY : SMALL_CAPACITY];
        }
    }

    /** Stores a complete "53" block for a tag; used by personalization and PUT DATA. */
    void store(byte tag, byte[] b, short off, short len) {
        short i = slot(tag);
        byte[] target = (byte[]) values[i];
        if (len > (short) target.length) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        JCSystem.beginTransaction();
        Util.arrayCopy(b, off, target, (short) 0, len);
        lengths[i] = isEmptyBlock(b, off, len) ? 0 : len;
        JCSystem.commitTransaction();
    }

    boolean has(byte tag) {
        return lengths[slot(tag)] != 0;
    }

    /** The stored "53" block of a tag (valid up to {@link #length}); for reading on the card itself. */
    byte[] value(byte tag) {
        return (byte[]) values[slot(tag)];
    }

    short length(byte tag) {
        return lengths[slot(tag)];
    }

    /**
     * Parses the GET DATA body {@code 5C len tag} and answers the object's bytes through
     * {@code io}: 7E is built in, the 5FC1xx objects are stored.
     */
    void get(ApduIo io, javacard.framework.APDU apdu, byte[] b, short off, short len) {
        short tagLen = listLength(b, off, len);
        if (tagLen == 1 && b[(short) (off + 2)] == 0x7E) {
            io.send(apdu, DISCOVERY, (short) 0, (short) DISCOVERY.length);
            return;
        }
        short i = find(b, off, tagLen);
        if (i < 0 || lengths[i] == 0) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        io.send(apdu, (byte[]) values[i], (short) 0, lengths[i]);
    }

    /**
     * PUT DATA body {@code 5C 03 5FC1xx 53 len value}; returns the tag's last byte so the caller can
     * refuse objects that only personalization may write.
     */
    byte parsePutTarget(byte[] b, short off, short len) {
        short tagLen = listLength(b, off, len);
        short i = find(b, off, tagLen);
        if (i < 0) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        return TAGS[i];
    }

    /** Writes the "53" block that follows the tag list of a PUT DATA body. */
    void put(byte tag, byte[] b, short off, short len) {
        short block = (short) (off + 2 + listLength(b, off, len));
        short end = (short) (off + len);
        if (block >= end || b[block] != TAG_DATA) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        Tlv.expectTemplate(b, block, end, TAG_DATA);
        store(tag, b, block, (short) (end - block));
    }

    private static short listLength(byte[] b, short off, short len) {
        if (len < 3 || b[off] != TAG_LIST) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short tagLen = b[(short) (off + 1)];
        if (tagLen != 1 && tagLen != 3 || (short) (2 + tagLen) > len) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        return tagLen;
    }

    /** Index of the 5FC1xx or 5FFF01 object named at {@code off + 2}, or -1 for any other tag. */
    private static short find(byte[] b, short off, short tagLen) {
        short t = (short) (off + 2);
        if (tagLen != 3 || b[t] != 0x5F) {
            return -1;
        }
        byte middle = b[(short) (t + 1)];
        byte last = b[(short) (t + 2)];
        if (middle == (byte) 0xFF && last == 0x01) {
            last = CERT_F9;
        } else if (middle != (byte) 0xC1 || last == CERT_F9) {
            return -1;
        }
        for (short i = 0; i < (short) TAGS.length; i++) {
            if (TAGS[i] == last) {
                return i;
            }
        }
        return -1;
    }

    private static short slot(byte tag) {
        for (short i = 0; i < (short) TAGS.length; i++) {
            if (TAGS[i] == tag) {
                return i;
            }
        }
        ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        return -1;
    }

    /** "53 00" deletes an object (how yubico-piv-tool and OpenSC remove a certificate). */
    private static boolean isEmptyBlock(byte[] b, short off, short len) {
        return len == 2 && b[(short) (off + 1)] == 0;
    }
}
