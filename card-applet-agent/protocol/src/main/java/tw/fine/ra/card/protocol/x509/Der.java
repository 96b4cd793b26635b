package tw.fine.ra.card.protocol.x509;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few DER encodings a certification request needs; enough to avoid a second ASN.1 library in the agent. */
public final class Der {

    private Der() {
    }

    public static byte[] sequence(byte[]... elements) {
        return element(0x30, concat(elements));
    }

    public static byte[] set(byte[]... elements) {
        return element(0x31, concat(elements));
    }

    public static byte[] integer(BigInteger value) {
        return element(0x02, value.toByteArray());
    }

    public static byte[] utf8(String text) {
        return element(0x0C, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] octetString(byte[] value) {
        return element(0x04, value);
    }

    public static byte[] bitString(byte[] bytes) {
        return element(0x03, concat(new byte[] {0}, bytes));
    }

    public static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. {@code 2.5.4.3}. */
    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1])));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, new BigInteger(arcs[i]));
        }
        return element(0x06, out.toByteArray());
    }

    /** A primitive or constructed element with any one-byte tag (context tags included). */
    public static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length >= 0x80) {
            int bytes = length >= 0x10000 ? 3 : length >= 0x100 ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        } else {
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, BigInteger arc) {
        int groups = Math.max(1, (arc.bitLength() + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = arc.shiftRight(7 * i).intValue() & 0x7F;
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
