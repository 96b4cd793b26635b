package tw.fine.ra.card.protocol.keys;

import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;

import javax.crypto.Cipher;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The key holder's half of the PIV management-key mutual authentication, as the RA server runs
 * it for a card reached through an agent: decrypt the card's witness, add a fresh challenge,
 * and later check that the card encrypted that challenge under the same key (卡片驗證).
 *
 * <p>The authentication buys the host a budget of administrative commands on the card. Answering
 * with the decrypted witness W (SP 800-73-4) buys one; answering {@code E(W xor 00..00 n)} buys
 * {@code n}, and only the key holder can compute that (docs/adr/0007).
 */
public final class CardChallenge {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] witness;
    private final byte[] challenge;
    private final byte[] expectedResponse;

    private CardChallenge(byte[] witness, byte[] challenge, byte[] expectedResponse) {
        this.witness = witness;
        this.challenge = challenge;
        this.expectedResponse = expectedResponse;
    }

    /** The most administrative commands one authentication can buy (the card reads a positive byte). */
    public static final int MAX_ADMIN_COMMANDS = 127;

    /** Answers the card's encrypted witness as SP 800-73-4 does: one administrative command. */
    public static CardChallenge answer(ManagementKeyAlgorithm algorithm, byte[] cardKey, byte[] encryptedWitness) {
        return answer(algorithm, cardKey, encryptedWitness, 1);
    }

    /** Answers the card's encrypted witness granting {@code adminCommands} administrative commands. */
    public static CardChallenge answer(ManagementKeyAlgorithm algorithm, byte[] cardKey, byte[] encryptedWitness,
                                       int adminCommands) {
        if (adminCommands < 1 || adminCommands > MAX_ADMIN_COMMANDS) {
            throw new IllegalArgumentException("1 to " + MAX_ADMIN_COMMANDS + " administrative commands");
        }
        byte[] witness = algorithm.crypt(Cipher.DECRYPT_MODE, cardKey, encryptedWitness);
        if (adminCommands > 1) {
            witness[witness.length - 1] ^= (byte) adminCommands;
            witness = algorithm.crypt(Cipher.ENCRYPT_MODE, cardKey, witness);
        }
        byte[] challenge = new byte[algorithm.blockLength()];
        RANDOM.nextBytes(challenge);
        return new CardChallenge(witness, challenge, algorithm.crypt(Cipher.ENCRYPT_MODE, cardKey, challenge));
    }

    /** The answer to the card's witness (the budget in it), to send back to the card. */
    public byte[] witness() {
        return witness.clone();
    }

    /** Our challenge, to send to the card with the witness. */
    public byte[] challenge() {
        return challenge.clone();
    }

    /** True if the card's answer proves it holds the key: it is the registered card. */
    public boolean cardProved(byte[] response) {
        return response != null && MessageDigest.isEqual(expectedResponse, response);
    }

    /**
     * The same check for a challenge kept elsewhere (a server keeps only the challenge, which the
     * agent sees anyway, so any node of a cluster can finish what another began).
     */
    public static boolean cardProved(ManagementKeyAlgorithm algorithm, byte[] cardKey, byte[] challenge,
                                     byte[] response) {
        return challenge != null && challenge.length == algorithm.blockLength()
                && new CardChallenge(null, challenge, algorithm.crypt(Cipher.ENCRYPT_MODE, cardKey, challenge))
                .cardProved(response);
    }
}
