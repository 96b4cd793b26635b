package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * One-time personalization at the RA: card GUID (hence CHUID and CCC), initial PIN, PUK and
 * management key. After it the command is refused, so nobody can re-key a card in the field.
 *
 * <p>Content (inside the envelope {@link TransportKey} opens): {@code C1 10 GUID, C2 08 PIN,
 * C3 08 PUK, C4 len (algorithm, key)}.
 */
final class Personalization {

    static final short GUID_LENGTH = 16;
    private static final byte TAG_GUID = (byte) 0xC1;
    private static final byte TAG_PIN = (byte) 0xC2;
    private static final byte TAG_PUK = (byte) 0xC3;
    private static final byte TAG_MANAGEMENT_KEY = (byte) 0xC4;

    /** FASC-N for cards outside the US federal agency scheme (agency code 9999), as SP 800-73-4 allows. */
    private static final byte[] FASC_N = {
        (byte) 0xD4, (byte) 0xE7, 0x39, (byte) 0xDA, 0x73, (byte) 0x9C, (byte) 0xED, 0x39, (byte) 0xCE, 0x73,
        (byte) 0x9D, (byte) 0x83, 0x68, 0x58, 0x21, 0x08, 0x42, 0x10, (byte) 0x84, 0x21,
        (byte) 0xC8, 0x42, 0x10, (byte) 0xC3, (byte) 0xEB};
    private static final byte[] EXPIRY = {'2', '0', '3', '6', '1', '2', '3', '1'};
    /** CCC after the card identifier: versions and empty optional fields, as in SP 800-73-4 Appendix A. */
    private static final byte[] CCC_TAIL = {
        (byte) 0xF1, 0x01, 0x21, (byte) 0xF2, 0x01, 0x21, (byte) 0xF3, 0x00, (byte) 0xF4, 0x01, 0x00,
        (byte) 0xF5, 0x01, 0x10, (byte) 0xF6, 0x00, (byte) 0xF7, 0x00, (byte) 0xFA, 0x00, (byte) 0xFB, 0x00,
        (byte) 0xFC, 0x00, (byte) 0xFD, 0x00, (byte) 0xFE, 0x00};
    private static final byte[] CCC_ISSUER = {(byte) 0xA0, 0x00, 0x00, 0x01, 0x16, (byte) 0xFF, 0x02};

    private final byte[] guid = new byte[GUID_LENGTH];
    private boolean done;

    /** The card GUID (valid once personalized), for the attestations the card signs. */
    byte[] guid() {
        return guid;
    }

    boolean isDone() {
        return done;
    }

    void lock() {
        done = true;
    }

    void apply(byte[] b, short len, Pins pins, ManagementKey managementKey, DataObjects objects, byte[] scratch) {
        short guid = value(b, len, TAG_GUID, GUID_LENGTH);
        short pin = value(b, len, TAG_PIN, Pins.LENGTH);
        short puk = value(b, len, TAG_PUK, Pins.LENGTH);
        short key = Tlv.find(b, (short) 0, len, TAG_MANAGEMENT_KEY);
        if (key < 0 || Tlv.length(b, key) < 2) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short keyValue = Tlv.valueOffset(b, key);
        managementKey.set(b[keyValue], b, (short) (keyValue + 1), (short) (Tlv.length(b, key) - 1));
        pins.initialize(b, pin, puk);
        Util.arrayCopy(b, guid, this.guid, (short) 0, GUID_LENGTH);
        objects.store(DataObjects.CHUID, scratch, (short) 0, chuid(b, guid, scratch));
        objects.store(DataObjects.CCC, scratch, (short) 0, ccc(b, guid, scratch));
    }

    private static short value(byte[] b, short len, byte tag, short expectedLength) {
        short at = Tlv.find(b, (short) 0, len, tag);
        if (at < 0 || Tlv.length(b, at) != expectedLength) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        return Tlv.valueOffset(b, at);
    }

    /** CHUID: 53{30 FASC-N, 34 GUID, 35 expiry, 3E empty signature, FE}. Middleware uses the GUID as serial. */
    private static short chuid(byte[] b, short guid, byte[] out) {
        short p = 2;
        p = field(out, p, (byte) 0x30, FASC_N, (short) 0, (short) FASC_N.length);
        p = field(out, p, (byte) 0x34, b, guid, GUID_LENGTH);
        p = field(out, p, (byte) 0x35, EXPIRY, (short) 0, (short) EXPIRY.length);
        out[p++] = 0x3E;
        out[p++] = 0x00;
        out[p++] = (byte) 0xFE;
        out[p++] = 0x00;
        out[0] = 0x53;
        out[1] = (byte) (p - 2);
        return p;
    }

    /** CCC: card identifier (issuer prefix + 14 bytes of the GUID) then the fixed fields. */
    private static short ccc(byte[] b, short guid, byte[] out) {
        short p = 2;
        out[p++] = (byte) 0xF0;
        out[p++] = 0x15;
        p = Util.arrayCopyNonAtomic(CCC_ISSUER, (short) 0, out, p, (short) CCC_ISSUER.length);
        p = Util.arrayCopyNonAtomic(b, guid, out, p, (short) 14);
        p = Util.arrayCopyNonAtomic(CCC_TAIL, (short) 0, out, p, (short) CCC_TAIL.length);
        out[0] = 0x53;
        out[1] = (byte) (p - 2);
        return p;
    }

    private static short field(byte[] out, short p, byte tag, byte[] src, short off, short len) {
        out[p++] = tag;
        out[p++] = (byte) len;
        return Util.arrayCopyNonAtomic(src, off, out, p, len);
    }
}
