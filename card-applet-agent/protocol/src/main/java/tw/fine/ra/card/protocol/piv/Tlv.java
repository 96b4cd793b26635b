package tw.fine.ra.card.protocol.piv;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** BER-TLV encoding and one-level parsing as PIV uses it (tags up to three bytes). */
public final class Tlv {

    private Tlv() {
    }

    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
        writeTag(out, tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The value of the single TLV that must fill {@code data} and carry {@code tag}. */
    public static byte[] unwrap(int tag, byte[] data) {
        Map<Integer, byte[]> one = children(data);
        byte[] value = one.get(tag);
        if (value == null || one.size() != 1) {
            throw new IllegalArgumentException(String.format("expected only tag %X", tag));
        }
        return value;
    }

    /** Siblings in {@code data}, tag to value, in order; the last wins if a tag repeats. */
    public static Map<Integer, byte[]> children(byte[] data) {
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        int p = 0;
        while (p < data.length) {
            int tag = data[p++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                int next;
                do {
                    next = data[p++] & 0xFF;
                    tag = (tag << 8) | next;
                } while ((next & 0x80) != 0);
            }
            int len = data[p++] & 0xFF;
            if (len == 0x81) {
                len = data[p++] & 0xFF;
            } else if (len == 0x82) {
                len = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
                p += 2;
            } else if (len > 0x80) {
                throw new IllegalArgumentException("unsupported length form");
            }
            if (p + len > data.length) {
                throw new IllegalArgumentException("TLV overruns its container");
            }
            result.put(tag, Arrays.copyOfRange(data, p, p + len));
            p += len;
        }
        return result;
    }

    private static void writeTag(ByteArrayOutputStream out, int tag) {
        if (tag > 0xFFFF) {
            out.write(tag >>> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag);
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len >= 0x100) {
            out.write(0x82);
            out.write(len >>> 8);
        } else if (len >= 0x80) {
            out.write(0x81);
        }
        out.write(len);
    }
}
