package tw.fine.ra.card.applet;

import javacard.framework.APDU;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * Command chaining in (ISO 7816-4 CLA bit 0x10) and response chaining out (61xx + GET RESPONSE),
 * so a 1.5 KB certificate can be written and read through short APDUs.
 */
final class ApduIo {

    /** Largest assembled command: a 3 KB certificate object plus its PUT DATA header. */
    static final short IN_CAPACITY = 3200;

    private static final byte CLA_CHAINING = 0x10;
    private static final short IN_LENGTH = 0;
    private static final short CHAIN_INS = 1;
    private static final short OUT_OFFSET = 2;
    private static final short OUT_REMAINING = 3;

    private final byte[] in = new byte[IN_CAPACITY];
    private final short[] state = JCSystem.makeTransientShortArray((short) 4, JCSystem.CLEAR_ON_DESELECT);
    private final Object[] outSource = JCSystem.makeTransientObjectArray((short) 1, JCSystem.CLEAR_ON_DESELECT);

    byte[] data() {
        return in;
    }

    short length() {
        return state[IN_LENGTH];
    }

    /**
     * Appends this APDU's data to the command being assembled. Returns false for a non-final
     * block of a chain (answered 9000 without processing), true when the command is complete.
     */
    boolean receive(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        byte ins = buf[ISO7816.OFFSET_INS];
        if (state[IN_LENGTH] != 0 && state[CHAIN_INS] != ins) {
            clearInput();
        }
        short len = apdu.setIncomingAndReceive();
        short total = state[IN_LENGTH];
        while (len > 0) {
            if ((short) (total + len) > IN_CAPACITY) {
                clearInput();
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            Util.arrayCopyNonAtomic(buf, apdu.getOffsetCdata(), in, total, len);
            total += len;
            len = apdu.receiveBytes(apdu.getOffsetCdata());
        }
        state[IN_LENGTH] = total;
        if ((buf[ISO7816.OFFSET_CLA] & CLA_CHAINING) != 0) {
            state[CHAIN_INS] = ins;
            return false;
        }
        state[CHAIN_INS] = 0;
        return true;
    }

    /** Wipes the assembled command: it may have held a PIN. */
    void clearInput() {
        Util.arrayFillNonAtomic(in, (short) 0, state[IN_LENGTH], (byte) 0);
        state[IN_LENGTH] = 0;
        state[CHAIN_INS] = 0;
    }

    void cancelOutput() {
        outSource[0] = null;
        state[OUT_REMAINING] = 0;
    }

    /** Sends {@code len} bytes, as much as Le allows now, the rest through GET RESPONSE. */
    void send(APDU apdu, byte[] source, short off, short len) {
        outSource[0] = source;
        state[OUT_OFFSET] = off;
        state[OUT_REMAINING] = len;
        sendChunk(apdu);
    }

    void getResponse(APDU apdu) {
        if (outSource[0] == null) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        sendChunk(apdu);
    }

    private void sendChunk(APDU apdu) {
        short le = apdu.setOutgoing();
        if (le == 0 || le > 256) {
            le = 256;
        }
        short remaining = state[OUT_REMAINING];
        short count = remaining < le ? remaining : le;
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong((byte[]) outSource[0], state[OUT_OFFSET], count);
        remaining -= count;
        state[OUT_OFFSET] += count;
        state[OUT_REMAINING] = remaining;
        if (remaining == 0) {
            cancelOutput();
            return;
        }
        ISOException.throwIt((short) (ISO7816.SW_BYTES_REMAINING_00 | (remaining > 255 ? 0 : remaining)));
    }
}
