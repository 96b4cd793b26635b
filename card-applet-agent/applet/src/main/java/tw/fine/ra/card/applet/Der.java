package tw.fine.ra.card.applet;

import javacard.framework.Util;

/**
 * Builds DER (and BER-TLV) structures front to back: reserve room for a header, write the
 * content, then {@link #close} writes the minimal header and pulls the content up behind it.
 */
final class Der {

    static final byte SEQUENCE = 0x30;
    static final byte SET = 0x31;
    static final byte INTEGER = 0x02;
    static final byte BIT_STRING = 0x03;
    static final byte OCTET_STRING = 0x04;
    static final byte OID = 0x06;
    static final byte UTF8_STRING = 0x0C;

    /** Room a one-byte tag with any length up to 65535 needs. */
    static final short RESERVE = 4;

    private Der() {
    }

    /** Content was written from {@code at + RESERVE} to {@code end}; returns the new end. */
    static short close(byte[] b, short at, byte tag, short end) {
        return closeTag(b, at, (short) 1, tag, tag, end);
    }

    /** The same for a two-byte tag (7F49): content starts at {@code at + RESERVE + 1}. */
    static short closeTwoByteTag(byte[] b, short at, byte first, byte second, short end) {
        return closeTag(b, at, (short) 2, first, second, end);
    }

    private static short closeTag(byte[] b, short at, short tagBytes, byte first, byte second, short end) {
        short content = (short) (at + tagBytes + 3);
        short length = (short) (end - content);
        b[at] = first;
        if (tagBytes == 2) {
            b[(short) (at + 1)] = second;
        }
        short p = Tlv.writeLength(b, (short) (at + tagBytes), length);
        Util.arrayCopyNonAtomic(b, content, b, p, length);
        return (short) (p + length);
    }

    /** A complete element with a known value. */
    static short write(byte[] b, short p, byte tag, byte[] value, short off, short len) {
        b[p] = tag;
        p = Tlv.writeLength(b, (short) (p + 1), len);
        return Util.arrayCopyNonAtomic(value, off, b, p, len);
    }

    /** A positive INTEGER from unsigned big-endian bytes: leading zeros dropped, a 00 added when the top bit is set. */
    static short unsignedInteger(byte[] b, short p, byte[] value, short off, short len) {
        while (len > 1 && value[off] == 0) {
            off++;
            len--;
        }
        short start = p;
        p = (short) (p + RESERVE);
        if ((value[off] & 0x80) != 0) {
            b[p++] = 0;
        }
        p = Util.arrayCopyNonAtomic(value, off, b, p, len);
        return close(b, start, INTEGER, p);
    }

    /** Offset just past the element (any one-byte tag) starting at {@code p}. */
    static short skip(byte[] b, short p) {
        short lenOff = (short) (p + 1);
        return (short) (Tlv.valueOffset(b, lenOff) + Tlv.length(b, lenOff));
    }
}
