package tw.fine.ra.card.protocol.keys;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;

import javax.crypto.Cipher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's half, checked against a "card" computed independently with the JCA. */
class CardChallengeTest {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;
    private final byte[] key = new CardKeyDiversification(new byte[32]).managementKey(new byte[16]);

    @Test
    void theWitnessIsDecryptedAndOnlyTheRightEncryptionOfTheChallengeProvesTheCard() {
        byte[] witness = "card-witness-16b".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CardChallenge server = CardChallenge.answer(AES, key, AES.crypt(Cipher.ENCRYPT_MODE, key, witness));
        assertArrayEquals(witness, server.witness());
        assertTrue(server.cardProved(AES.crypt(Cipher.ENCRYPT_MODE, key, server.challenge())));
        assertFalse(server.cardProved(AES.crypt(Cipher.ENCRYPT_MODE, new byte[16], server.challenge())));
        assertFalse(server.cardProved(null));
    }

    @Test
    void aBudgetOfAdministrativeCommandsIsTheWitnessXorTheBudgetEncryptedUnderTheCardKey() {
        byte[] witness = "card-witness-16b".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CardChallenge server = CardChallenge.answer(AES, key, AES.crypt(Cipher.ENCRYPT_MODE, key, witness), 2);
        byte[] expected = witness.clone();
        expected[15] ^= 2;
        assertArrayEquals(AES.crypt(Cipher.ENCRYPT_MODE, key, expected), server.witness());
        assertThrows(IllegalArgumentException.class, () -> CardChallenge.answer(AES, key, new byte[16], 0));
        assertThrows(IllegalArgumentException.class, () -> CardChallenge.answer(AES, key, new byte[16], 128));
    }

    @Test
    void aKeptChallengeIsCheckedTheSameWayWithoutTheFirstObject() {
        CardChallenge server = CardChallenge.answer(AES, key, new byte[16]);
        byte[] challenge = server.challenge();
        assertTrue(CardChallenge.cardProved(AES, key, challenge, AES.crypt(Cipher.ENCRYPT_MODE, key, challenge)));
        assertFalse(CardChallenge.cardProved(AES, key, challenge, AES.crypt(Cipher.ENCRYPT_MODE, new byte[16], challenge)));
        assertFalse(CardChallenge.cardProved(AES, key, new byte[3], new byte[16]));
        assertFalse(CardChallenge.cardProved(AES, key, challenge, null));
    }
}
