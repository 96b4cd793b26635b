package tw.fine.ra.ca.control;

import java.util.Arrays;

/**
 * A growing byte array that DER is written into: tags, definite lengths (X.690 8.1.3) and contents,
 * for structures too large to build as Bouncy Castle objects first (a CRL of 100,000 entries).
 */
final class DerBuffer {

    private byte[] bytes;
    private int size;

    DerBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    /** Empties the buffer for reuse, keeping its capacity. */
    DerBuffer clear() {
        size = 0;
        return this;
    }

    DerBuffer tagAndLength(int tag, int length) {
        room(6);
        bytes[size++] = (byte) tag;
        if (length < 0x80) {
            bytes[size++] = (byte) length;
        } else {
            int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            bytes[size++] = (byte) (0x80 | octets);
            for (int shift = (octets - 1) * 8; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (length >>> shift);
            }
        }
        return this;
    }

    DerBuffer write(byte[] content) {
        return write(content, 0, content.length);
    }

    DerBuffer write(byte[] content, int offset, int length) {
        room(length);
        System.arraycopy(content, offset, bytes, size, length);
        size += length;
        return this;
    }

    DerBuffer write(DerBuffer content) {
        return write(content.bytes, 0, content.size);
    }

    /** {@code content} written as the contents of one element: tag, length, contents. */
    DerBuffer element(int tag, DerBuffer content) {
        return tagAndLength(tag, content.size).write(content);
    }

    DerBuffer element(int tag, byte[] content) {
        return tagAndLength(tag, content.length).write(content);
    }

    DerBuffer octet(int value) {
        room(1);
        bytes[size++] = (byte) value;
        return this;
    }

    /** Two decimal digits of {@code value} (0 to 99) as ASCII, as UTCTime writes them. */
    DerBuffer twoDigits(int value) {
        room(2);
        bytes[size++] = (byte) ('0' + value / 10);
        bytes[size++] = (byte) ('0' + value % 10);
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length + (bytes.length >> 1)));
        }
    }
}
