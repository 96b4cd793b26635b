package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/** BER-TLV helpers for one-byte tags, the only kind PIV puts inside its templates. */
final class Tlv {

    private Tlv() {
    }

    /** Number of bytes the length field at {@code off} occupies (1, 2 or 3). */
    static short lengthSize(byte[] b, short off) {
        byte first = b[off];
        if (first == (byte) 0x81) {
            return 2;
        }
        if (first == (byte) 0x82) {
            return 3;
        }
        if ((first & 0x80) != 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        return 1;
    }

    /** Value of the length field at {@code off}. */
    static short length(byte[] b, short off) {
        short size = lengthSize(b, off);
        if (size == 1) {
            return b[off];
        }
        if (size == 2) {
            return (short) (b[(short) (off + 1)] & 0xFF);
        }
        return javacard.framework.Util.getShort(b, (short) (off + 1));
    }

    /** Offset just after the length field at {@code off}, where the value starts. */
    static short valueOffset(byte[] b, short off) {
        return (short) (off + lengthSize(b, off));
    }

    /** Writes a length field and returns the offset after it. */
    static short writeLength(byte[] b, short off, short len) {
        if (len < 0x80) {
            b[off] = (byte) len;
            return (short) (off + 1);
        }
        if (len < 0x100) {
            b[off] = (byte) 0x81;
            b[(short) (off + 1)] = (byte) len;
            return (short) (off + 2);
        }
        b[off] = (byte) 0x82;
        javacard.framework.Util.setShort(b, (short) (off + 1), len);
        return (short) (off + 3);
    }

    /**
     * Finds a one-byte tag among the siblings in {@code [off, end)} and returns the offset of its
     * length field, or -1 when absent. A malformed sibling list is a wrong-data error.
     */
    static short find(byte[] b, short off, short end, byte tag) {
        while (off < end) {
            byte current = b[off];
            off++;
            if (off >= end) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            if (current == tag) {
                return off;
            }
            off = (short) (valueOffset(b, off) + length(b, off));
        }
        if (off != end) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        return -1;
    }

    /**
     * Checks that the template with one-byte tag {@code tag} at {@code off} spans exactly to
     * {@code end} and returns the offset of its value.
     */
    static short expectTemplate(byte[] b, short off, short end, byte tag) {
        if ((short) (end - off) < 2 || b[off] != tag) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short lenOff = (short) (off + 1);
        short value = valueOffset(b, lenOff);
        if ((short) (value + length(b, lenOff)) != end) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        return value;
    }
}
