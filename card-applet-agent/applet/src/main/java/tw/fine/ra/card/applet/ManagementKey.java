package tw.fine.ra.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.DESKey;
import javacard.security.KeyBuilder;
import javacard.security.RandomData;
import javacard.security.SecretKey;
import javacardx.crypto.Cipher;

/**
 * The card management key (9B) and the SP 800-73-4 challenge-response with it. The server holds
 * the key; the agent only relays the witness and the challenge, so it never learns the key.
 *
 * <p>An authentication buys a budget of administrative commands ({@link #spend}), not a session:
 * one for the standard answer (the decrypted witness W, and for external authentication), or the
 * {@code n} (1 to 127) the key holder states by answering {@code E(W xor 00..00 n)} instead; only
 * the key holder can compute that, so a relaying host cannot raise the budget (docs/adr/0007).
 */
final class ManagementKey {

    static final byte ALG_3DES = 0x03;
    static final byte ALG_AES128 = 0x08;

    private static final byte TAG_WITNESS = (byte) 0x80;
    private static final byte TAG_CHALLENGE = (byte) 0x81;
    private static final byte TAG_RESPONSE = (byte) 0x82;
    private static final short MAX_BLOCK = 16;

    private static final short WITNESS_ISSUED = 0;
    private static final short CHALLENGE_ISSUED = 1;

    private final AESKey aesKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    private final DESKey desKey = (DESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_DES, KeyBuilder.LENGTH_DES3_3KEY, false);
    private final Cipher aes = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_ECB_NOPAD, false);
    private final Cipher des = Cipher.getInstance(Cipher.ALG_DES_ECB_NOPAD, false);
    private final RandomData random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
    private final byte[] expected = JCSystem.makeTransientByteArray(MAX_BLOCK, JCSystem.CLEAR_ON_DESELECT);
    private final byte[] answer = JCSystem.makeTransientByteArray(MAX_BLOCK, JCSystem.CLEAR_ON_DESELECT);
    private final boolean[] state = JCSystem.makeTransientBooleanArray((short) 2, JCSystem.CLEAR_ON_DESELECT);
    /** Administrative commands left from the last authentication; 0: not authenticated. */
    private final byte[] budget = JCSystem.makeTransientByteArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
    private byte algorithm;

    void set(byte alg, byte[] b, short off, short len) {
        if (alg == ALG_AES128 && len == 16) {
            aesKey.setKey(b, off);
        } else if (alg == ALG_3DES && len == 24) {
            desKey.setKey(b, off);
        } else {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        algorithm = alg;
    }

    byte algorithm() {
        return algorithm;
    }

    /**
     * Admits one administrative command: {@code 6982} without an authentication or once its budget
     * is used up. Spent before the command runs, so a command that fails still counts.
     */
    void spend() {
        if (budget[0] <= 0) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        budget[0]--;
        if (budget[0] == 0) {
            forget();
        }
    }

    /** The authorization is spent by an operation that must not be repeated on the same proof. */
    void forget() {
        budget[0] = 0;
        state[WITNESS_ISSUED] = false;
        state[CHALLENGE_ISSUED] = false;
        Util.arrayFillNonAtomic(expected, (short) 0, MAX_BLOCK, (byte) 0);
        Util.arrayFillNonAtomic(answer, (short) 0, MAX_BLOCK, (byte) 0);
    }

    /**
     * One step of GENERAL AUTHENTICATE with 9B. {@code [off, end)} is the content of template 7C;
     * the answer (a 7C template) goes to {@code out} and its length is returned.
     */
    short authenticate(byte alg, byte[] b, short off, short end, byte[] out) {
        if (alg != algorithm) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short witness = Tlv.find(b, off, end, TAG_WITNESS);
        short challenge = Tlv.find(b, off, end, TAG_CHALLENGE);
        short response = Tlv.find(b, off, end, TAG_RESPONSE);
        if (witness >= 0 && Tlv.length(b, witness) == 0 && challenge < 0 && response < 0) {
            return issueWitness(out);
        }
        if (witness >= 0 && challenge >= 0 && response < 0) {
            return answerMutual(b, witness, challenge, out);
        }
        if (challenge >= 0 && Tlv.length(b, challenge) == 0 && witness < 0 && response < 0) {
            return issueChallenge(out);
        }
        if (response >= 0 && witness < 0 && challenge < 0) {
            checkExternal(b, response);
            return 0;
        }
        forget();
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }

    /** Mutual step 1: the card's witness, encrypted; whoever decrypts it holds the key. */
    private short issueWitness(byte[] out) {
        forget();
        short block = blockLength();
        random.generateData(expected, (short) 0, block);
        short off = header(out, TAG_WITNESS, block);
        encrypt(expected, (short) 0, out, off);
        state[WITNESS_ISSUED] = true;
        return (short) (off + block);
    }

    /** Mutual step 2: check the decrypted witness, then prove the card's own key on the host's challenge. */
    private short answerMutual(byte[] b, short witness, short challenge, byte[] out) {
        short block = blockLength();
        boolean issued = state[WITNESS_ISSUED];
        state[WITNESS_ISSUED] = false;
        if (!issued || Tlv.length(b, witness) != block || Tlv.length(b, challenge) != block) {
            failAuthentication();
        }
        byte granted = granted(b, Tlv.valueOffset(b, witness), block);
        short off = header(out, TAG_RESPONSE, block);
        encrypt(b, Tlv.valueOffset(b, challenge), out, off);
        budget[0] = granted;
        return (short) (off + block);
    }

    /**
     * The budget an answer to the witness grants: 1 for W itself (SP 800-73-4), n for
     * {@code E(W xor 00..00 n)}; anything else fails the authentication.
     */
    private byte granted(byte[] b, short off, short block) {
        if (Util.arrayCompare(b, off, expected, (short) 0, block) == 0) {
            return 1;
        }
        crypt(Cipher.MODE_DECRYPT, b, off, answer, (short) 0);
        short last = (short) (block - 1);
        for (short i = 0; i < last; i++) {
            if (answer[i] != expected[i]) {
                failAuthentication();
            }
        }
        byte n = (byte) (answer[last] ^ expected[last]);
        Util.arrayFillNonAtomic(answer, (short) 0, MAX_BLOCK, (byte) 0);
        if (n <= 0) {
            failAuthentication();
        }
        return n;
    }

    /** External authentication step 1: a plain challenge for the host to encrypt. */
    private short issueChallenge(byte[] out) {
        forget();
        short block = blockLength();
        short off = header(out, TAG_CHALLENGE, block);
        random.generateData(out, off, block);
        encrypt(out, off, expected, (short) 0);
        state[CHALLENGE_ISSUED] = true;
        return (short) (off + block);
    }

    private void checkExternal(byte[] b, short response) {
        short block = blockLength();
        boolean issued = state[CHALLENGE_ISSUED];
        state[CHALLENGE_ISSUED] = false;
        if (!issued || Tlv.length(b, response) != block
                || Util.arrayCompare(b, Tlv.valueOffset(b, response), expected, (short) 0, block) != 0) {
            failAuthentication();
        }
        budget[0] = 1;
    }

    private void failAuthentication() {
        forget();
        ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }

    private short blockLength() {
        return algorithm == ALG_AES128 ? (short) 16 : (short) 8;
    }

    private static short header(byte[] out, byte tag, short block) {
        out[0] = PivApplet.TAG_DYNAMIC_AUTH;
        out[1] = (byte) (block + 2);
        out[2] = tag;
        out[3] = (byte) block;
        return 4;
    }

    private void encrypt(byte[] in, short inOff, byte[] out, short outOff) {
        crypt(Cipher.MODE_ENCRYPT, in, inOff, out, outOff);
    }

    private void crypt(byte mode, byte[] in, short inOff, byte[] out, short outOff) {
        Cipher cipher = algorithm == ALG_AES128 ? aes : des;
        SecretKey key = algorithm == ALG_AES128 ? (SecretKey) aesKey : (SecretKey) desKey;
        cipher.init(key, mode);
        cipher.doFinal(in, inOff, blockLength(), out, outOff);
    }
}
