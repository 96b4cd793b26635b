package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;

/**
 * Card PIN (reference 80) and PUK (81) with their retry counters, and the security status they
 * grant: PIN verified for this session, and a one-shot "just verified" for the PIN-always slot 9C.
 */
final class Pins {

    static final byte TRIES = 3;
    static final short LENGTH = 8;
    static final byte PAD = (byte) 0xFF;
    private static final short MIN_DIGITS = 6;
    private static final short SW_VERIFY_FAILED_BASE = 0x63C0;
    private static final short SW_BLOCKED = 0x6983;

    private static final short VERIFIED = 0;
    private static final short VERIFIED_FOR_ONE_USE = 1;

    private final OwnerPIN pin = new OwnerPIN(TRIES, (byte) LENGTH);
    private final OwnerPIN puk = new OwnerPIN(TRIES, (byte) LENGTH);
    private final boolean[] status = JCSystem.makeTransientBooleanArray((short) 2, JCSystem.CLEAR_ON_DESELECT);

    void initialize(byte[] b, short pinOff, short pukOff) {
        checkPinFormat(b, pinOff);
        pin.update(b, pinOff, (byte) LENGTH);
        puk.update(b, pukOff, (byte) LENGTH);
    }

    boolean isVerified() {
        return status[VERIFIED];
    }

    /** True once after a VERIFY: the PIN-always key consumes it so each signature needs a fresh PIN. */
    boolean consumeOneUseVerification() {
        boolean granted = status[VERIFIED_FOR_ONE_USE];
        status[VERIFIED_FOR_ONE_USE] = false;
        return granted;
    }

    void forget() {
        status[VERIFIED] = false;
        status[VERIFIED_FOR_ONE_USE] = false;
        pin.reset();
    }

    /** VERIFY: a PIN checks it; an empty body only reports the state (9000 or 63Cx). */
    void verify(byte[] b, short off, short len) {
        if (len == 0) {
            if (status[VERIFIED]) {
                return;
            }
            throwTries(pin);
        }
        if (len != LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        checkPinFormat(b, off);
        check(pin, b, off);
        status[VERIFIED] = true;
        status[VERIFIED_FOR_ONE_USE] = true;
    }

    /** CHANGE REFERENCE DATA for the PIN (80) or the PUK (81): old value then new value. */
    void change(byte reference, byte[] b, short off, short len) {
        if (len != (short) (2 * LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        OwnerPIN target = reference == PivApplet.REF_PIN ? pin : puk;
        if (target == pin) {
            checkPinFormat(b, (short) (off + LENGTH));
        }
        check(target, b, off);
        target.update(b, (short) (off + LENGTH), (byte) LENGTH);
        if (target == pin) {
            status[VERIFIED] = true;
        }
    }

    /** RESET RETRY COUNTER: the PUK authorizes a new PIN and unblocks it. */
    void resetWithPuk(byte[] b, short off, short len) {
        if (len != (short) (2 * LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        checkPinFormat(b, (short) (off + LENGTH));
        check(puk, b, off);
        setNewPin(b, (short) (off + LENGTH));
    }

    /** The server-authorized reset: the caller has proven the management key. */
    void resetByAdministrator(byte[] b, short off, short len) {
        if (len != LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        checkPinFormat(b, off);
        setNewPin(b, off);
    }

    byte pinTriesRemaining() {
        return pin.getTriesRemaining();
    }

    private void setNewPin(byte[] b, short off) {
        pin.update(b, off, (byte) LENGTH);
        status[VERIFIED] = false;
        status[VERIFIED_FOR_ONE_USE] = false;
    }

    private void check(OwnerPIN target, byte[] b, short off) {
        if (target.getTriesRemaining() == 0) {
            ISOException.throwIt(SW_BLOCKED);
        }
        if (!target.check(b, off, (byte) LENGTH)) {
            if (target == pin) {
                forget();
            }
            throwTries(target);
        }
    }

    private static void throwTries(OwnerPIN target) {
        byte left = target.getTriesRemaining();
        ISOException.throwIt(left == 0 ? SW_BLOCKED : (short) (SW_VERIFY_FAILED_BASE | left));
    }

    /** SP 800-73-4 PIN: 6 to 8 ASCII digits, padded with FF to 8 bytes. */
    private static void checkPinFormat(byte[] b, short off) {
        boolean padding = false;
        for (short i = 0; i < LENGTH; i++) {
            byte c = b[(short) (off + i)];
            if (c == PAD && i >= MIN_DIGITS) {
                padding = true;
            } else if (padding || c < '0' || c > '9') {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
        }
    }
}
