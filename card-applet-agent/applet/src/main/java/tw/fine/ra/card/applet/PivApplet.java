package tw.fine.ra.card.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * PIV card application: the SP 800-73-4 instructions standard middleware uses, plus vendor
 * instructions for personalization (once), the server-authorized PIN reset and key information.
 * Every status word returned here is part of the contract tested in {@code PivAppletTest}.
 */
public final class PivApplet extends Applet {

    /** Full PIV AID with version 01 00; middleware selects it by the 9-byte prefix. */
    public static final byte[] AID = {(byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00};
    /** Applet version reported by GET VERSION (major, minor, patch). */
    static final byte[] VERSION = {0x01, 0x01, 0x00};

    static final byte REF_PIN = (byte) 0x80;
    static final byte REF_PUK = (byte) 0x81;
    static final byte REF_MANAGEMENT = (byte) 0x9B;
    static final byte TAG_DYNAMIC_AUTH = 0x7C;

    static final byte INS_VERIFY = 0x20;
    static final byte INS_CHANGE_REFERENCE = 0x24;
    static final byte INS_RESET_RETRY = 0x2C;
    static final byte INS_GENERATE = 0x47;
    static final byte INS_GENERAL_AUTHENTICATE = (byte) 0x87;
    static final byte INS_GET_RESPONSE = (byte) 0xC0;
    static final byte INS_GET_DATA = (byte) 0xCB;
    static final byte INS_PUT_DATA = (byte) 0xDB;
    /** Vendor: GET VERSION, numbered as YubiKeys do so yubico-piv-tool reads it. */
    static final byte INS_GET_VERSION = (byte) 0xFD;
    /** Vendor: one-time personalization, sealed to the transport key (GUID, PIN, PUK, management key; 9E, F9 keys). */
    static final byte INS_PERSONALIZE = (byte) 0xE1;
    /** Vendor: the blank card's transport public key, to which the RA seals the personalization. */
    static final byte INS_GET_TRANSPORT_KEY = (byte) 0xE4;
    /** Vendor: set a new PIN and unblock it, after management-key authentication (server-authorized). */
    static final byte INS_ADMIN_RESET_PIN = (byte) 0xE2;
    /** Vendor: applet version, personalization state and the algorithm of each key slot. */
    static final byte INS_KEY_INFO = (byte) 0xE3;
    /** Vendor: a slot's algorithm, PIN policy, origin and public key (YubiKey GET METADATA layout). */
    static final byte INS_GET_METADATA = (byte) 0xF7;
    /** Vendor: attestation certificate of a slot's key, signed by the attestation key F9 (as YubiKeys do). */
    static final byte INS_ATTEST = (byte) 0xF9;

    /** PIN policy per slot in GET METADATA (9A, 9C, 9D, 9E, F9): 1 never, 2 once per session, 3 always. */
    private static final byte[] PIN_POLICY = {0x02, 0x03, 0x02, 0x01, 0x01};

    /** Application property template answered to SELECT. */
    private static final byte[] APT = {
        0x61, 0x2E,
        0x4F, 0x06, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00,
        0x79, 0x07, 0x4F, 0x05, (byte) 0xA0, 0x00, 0x00, 0x03, 0x08,
        0x50, 0x0A, 'F', 'I', 'N', 'E', ' ', 'R', 'A', ' ', 'P', 'V',
        (byte) 0xAC, 0x0F,
        (byte) 0x80, 0x01, ManagementKey.ALG_3DES,
        (byte) 0x80, 0x01, ManagementKey.ALG_AES128,
        (byte) 0x80, 0x01, KeySlots.ALG_RSA2048,
        (byte) 0x80, 0x01, KeySlots.ALG_P256,
        0x06, 0x01, 0x00};

    private final ApduIo io = new ApduIo();
    private final Pins pins = new Pins();
    private final ManagementKey managementKey = new ManagementKey();
    private final KeySlots keys = new KeySlots();
    private final DataObjects objects = new DataObjects();
    private final Personalization personalization = new Personalization();
    private final PrivateKeyUse keyUse = new PrivateKeyUse(keys, pins);
    private final Attestation attestation = new Attestation();
    private final TransportKey transportKey = new TransportKey();
    /** The opened personalization envelope: PIN, PUK and management key in clear, wiped after use. */
    private final byte[] plain = JCSystem.makeTransientByteArray((short) 96, JCSystem.CLEAR_ON_DESELECT);
    /** Scratch for generated responses: public keys, signatures, authentication templates. */
    private final byte[] out = new byte[600];

    private PivApplet(byte[] params, short offset, byte length) {
        if (length == 0) {
            // jCardSim's installApplet(aid, class) passes no install parameters.
            register();
        } else {
            register(params, (short) (offset + 1), params[offset]);
        }
    }

    public static void install(byte[] params, short offset, byte length) {
        new PivApplet(params, offset, length);
    }

    @Override
    public void deselect() {
        pins.forget();
        managementKey.forget();
    }

    @Override
    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (selectingApplet()) {
            io.cancelOutput();
            io.clearInput();
            io.send(apdu, APT, (short) 0, (short) APT.length);
            return;
        }
        if ((buf[ISO7816.OFFSET_CLA] & (byte) 0xEF) != 0) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        byte ins = buf[ISO7816.OFFSET_INS];
        if (ins == INS_GET_RESPONSE) {
            io.getResponse(apdu);
            return;
        }
        io.cancelOutput();
        byte p1 = buf[ISO7816.OFFSET_P1];
        byte p2 = buf[ISO7816.OFFSET_P2];
        if (!io.receive(apdu)) {
            return;
        }
        try {
            dispatch(apdu, ins, p1, p2, io.data(), io.length());
        } finally {
            io.clearInput();
        }
    }

    private void dispatch(APDU apdu, byte ins, byte p1, byte p2, byte[] data, short len) {
        switch (ins) {
            case INS_GET_VERSION:
                io.send(apdu, VERSION, (short) 0, (short) VERSION.length);
                return;
            case INS_KEY_INFO:
                keyInfo(apdu);
                return;
            case INS_GET_DATA:
                requireP1P2(p1, p2, (byte) 0x3F, (byte) 0xFF);
                objects.get(io, apdu, data, (short) 0, len);
                return;
            case INS_PERSONALIZE:
                personalize(apdu, p2, data, len);
                return;
            case INS_GET_TRANSPORT_KEY:
                io.send(apdu, out, (short) 0, transportKey.writePublic(out, (short) 0));
                return;
            default:
                break;
        }
        if (!personalization.isDone()) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        switch (ins) {
            case INS_VERIFY:
                verify(p1, p2, data, len);
                return;
            case INS_CHANGE_REFERENCE:
                requireP1P2(p1, p2, (byte) 0x00, p2 == REF_PUK ? REF_PUK : REF_PIN);
                pins.change(p2, data, (short) 0, len);
                return;
            case INS_RESET_RETRY:
                requireP1P2(p1, p2, (byte) 0x00, REF_PIN);
                pins.resetWithPuk(data, (short) 0, len);
                return;
            case INS_PUT_DATA:
                putData(p1, p2, data, len);
                return;
            case INS_GENERATE:
                generate(apdu, p1, p2, data, len);
                return;
            case INS_GENERAL_AUTHENTICATE:
                generalAuthenticate(apdu, p1, p2, data, len);
                return;
            case INS_GET_METADATA:
                requireP1P2(p1, p2, (byte) 0x00, p2);
                metadata(apdu, KeySlots.anyIndex(p2));
                return;
            case INS_ATTEST:
                requireP1P2(p1, p2, p1, (byte) 0x00);
                short length = attestation.attest(KeySlots.index(p1), keys, personalization.guid(), objects);
                io.send(apdu, attestation.buffer(), (short) 0, length);
                return;
            case INS_ADMIN_RESET_PIN:
                requireAdministrator();
                pins.resetByAdministrator(data, (short) 0, len);
                // One server authorization buys one reset: a relayed session cannot be reused.
                managementKey.forget();
                return;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }

    private void verify(byte p1, byte p2, byte[] data, short len) {
        if (p2 != REF_PIN) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (p1 == (byte) 0xFF && len == 0) {
            pins.forget();
            return;
        }
        if (p1 != 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        pins.verify(data, (short) 0, len);
    }

    private void putData(byte p1, byte p2, byte[] data, short len) {
        requireP1P2(p1, p2, (byte) 0x3F, (byte) 0xFF);
        requireAdministrator();
        byte tag = objects.parsePutTarget(data, (short) 0, len);
        if (tag == DataObjects.CHUID) {
            // The GUID is the card's identity in command tickets; only personalization sets it.
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        objects.put(tag, data, (short) 0, len);
    }

    private void generate(APDU apdu, byte p1, byte p2, byte[] data, short len) {
        if (p1 != 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short slot = KeySlots.index(p2);
        requireAdministrator();
        short content = Tlv.expectTemplate(data, (short) 0, len, (byte) 0xAC);
        short algorithm = Tlv.find(data, content, len, (byte) 0x80);
        if (algorithm < 0 || Tlv.length(data, algorithm) != 1) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short written = keys.generate(slot, data[(short) (algorithm + 1)], out, (short) 0);
        io.send(apdu, out, (short) 0, written);
    }

    private void generalAuthenticate(APDU apdu, byte alg, byte reference, byte[] data, short len) {
        short content = Tlv.expectTemplate(data, (short) 0, len, TAG_DYNAMIC_AUTH);
        short written;
        if (reference == REF_MANAGEMENT) {
            written = managementKey.authenticate(alg, data, content, len, out);
        } else {
            written = keyUse.perform(alg, KeySlots.index(reference), data, content, len, out);
        }
        if (written > 0) {
            io.send(apdu, out, (short) 0, written);
        }
    }

    private void personalize(APDU apdu, byte cardAuthAlgorithm, byte[] data, short len) {
        if (personalization.isDone()) {
            ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
        }
        try {
            short plainLength = transportKey.open(data, len, plain);
            personalization.apply(plain, plainLength, pins, managementKey, objects, out);
        } finally {
            Util.arrayFillNonAtomic(plain, (short) 0, (short) plain.length, (byte) 0);
        }
        keys.generate(KeySlots.ATTESTATION, KeySlots.ALG_P256, out, (short) 0);
        short written = 0;
        if (cardAuthAlgorithm != KeySlots.ALG_NONE) {
            written = keys.generate(KeySlots.index((byte) 0x9E), cardAuthAlgorithm, out, (short) 0);
        }
        personalization.lock();
        if (written > 0) {
            io.send(apdu, out, (short) 0, written);
        }
    }

    private void keyInfo(APDU apdu) {
        Util.arrayCopyNonAtomic(VERSION, (short) 0, out, (short) 0, (short) 3);
        out[3] = (byte) (personalization.isDone() ? 1 : 0);
        out[4] = personalization.isDone() ? pins.pinTriesRemaining() : 0;
        short p = 5;
        for (short slot = 0; slot < KeySlots.COUNT; slot++) {
            out[p++] = KeySlots.reference(slot);
            out[p++] = keys.algorithm(slot);
        }
        io.send(apdu, out, (short) 0, p);
    }

    /** {@code 01 algorithm, 02 PIN and touch policy, 03 origin (01 generated on the card), 04 public key fields}. */
    private void metadata(APDU apdu, short slot) {
        byte algorithm = keys.algorithm(slot);
        if (algorithm == KeySlots.ALG_NONE) {
            ISOException.throwIt(KeySlots.SW_KEY_NOT_FOUND);
        }
        out[0] = 0x01;
        out[1] = 0x01;
        out[2] = algorithm;
        out[3] = 0x02;
        out[4] = 0x02;
        out[5] = PIN_POLICY[slot];
        out[6] = 0x01;
        out[7] = 0x03;
        out[8] = 0x01;
        out[9] = 0x01;
        short end = keys.writePublicFields(slot, out, (short) (10 + Der.RESERVE));
        io.send(apdu, out, (short) 0, Der.close(out, (short) 10, (byte) 0x04, end));
    }

    /** Every administrative command spends one of the commands its authentication bought. */
    private void requireAdministrator() {
        managementKey.spend();
    }

    private static void requireP1P2(byte p1, byte p2, byte expectedP1, byte expectedP2) {
        if (p1 != expectedP1 || p2 != expectedP2) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
    }
}
