package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * GENERAL AUTHENTICATE with a key slot: signature or decryption ({@code 81}), key agreement
 * ({@code 85}), under each slot's PIN rule. The management key (9B) is {@link ManagementKey}'s job.
 */
final class PrivateKeyUse {

    private final KeySlots keys;
    private final Pins pins;

    PrivateKeyUse(KeySlots keys, Pins pins) {
        this.keys = keys;
        this.pins = pins;
    }

    /** Sign (81 = input) or key agreement (85 = peer point), answered as 7C{82 result}. */
    short perform(byte alg, short slot, byte[] data, short off, short end, byte[] out) {
        keys.require(slot, alg);
        requireKeyAccess(slot);
        short response = Tlv.find(data, off, end, (byte) 0x82);
        short challenge = Tlv.find(data, off, end, (byte) 0x81);
        short exponentiation = Tlv.find(data, off, end, (byte) 0x85);
        if (response < 0 || Tlv.length(data, response) != 0 || (challenge < 0) == (exponentiation < 0)) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short input = challenge >= 0 ? challenge : exponentiation;
        short inOff = Tlv.valueOffset(data, input);
        short inLen = Tlv.length(data, input);
        short resultOff = 8;
        short resultLen;
        if (alg == KeySlots.ALG_RSA2048) {
            if (challenge < 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            resultLen = keys.rsaPrivate(slot, data, inOff, inLen, out, resultOff);
        } else if (challenge >= 0) {
            resultLen = keys.ecdsaSign(slot, data, inOff, inLen, out, resultOff);
        } else {
            resultLen = keys.ecdhAgree(slot, data, inOff, inLen, out, resultOff);
        }
        return wrapResponse(out, resultOff, resultLen);
    }

    /** Moves the result right behind a minimal 7C{82 ...} header built in front of it. */
    private static short wrapResponse(byte[] out, short resultOff, short resultLen) {
        short header = (short) (resultLen < 0x80 ? 2 : resultLen < 0x100 ? 3 : 4);
        short inner = (short) (header + resultLen);
        short outer = (short) (inner < 0x80 ? 2 : inner < 0x100 ? 3 : 4);
        short p = Tlv.writeLength(out, (short) 1, inner);
        out[0] = PivApplet.TAG_DYNAMIC_AUTH;
        out[p++] = (byte) 0x82;
        p = Tlv.writeLength(out, p, resultLen);
        Util.arrayCopyNonAtomic(out, resultOff, out, p, resultLen);
        return (short) (outer + inner);
    }

    /** 9A and 9D need the PIN verified in this session, 9C a fresh VERIFY before each use, 9E nothing. */
    private void requireKeyAccess(short slot) {
        byte reference = KeySlots.reference(slot);
        if (reference == (byte) 0x9E) {
            return;
        }
        boolean granted = reference == (byte) 0x9C ? pins.consumeOneUseVerification() : pins.isVerified();
        if (!granted) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }
}
