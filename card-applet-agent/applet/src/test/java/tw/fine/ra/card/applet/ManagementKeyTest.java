package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.keys.CardChallenge;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.piv.Tlv;

import javax.crypto.Cipher;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static tw.fine.ra.card.applet.CardFixture.AES_KEY;
import static tw.fine.ra.card.applet.CardFixture.TDES_KEY;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

class ManagementKeyTest {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    @Test
    void mutualAuthenticationWithAesProvesBothSides() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] witness = AES.crypt(Cipher.DECRYPT_MODE, AES_KEY, card.piv.requestWitness(AES));
        byte[] challenge = HexFormat.of().parseHex("0F0E0D0C0B0A09080706050403020100");
        byte[] answer = card.piv.answerWitness(AES, witness, challenge);
        assertArrayEquals(AES.crypt(Cipher.ENCRYPT_MODE, AES_KEY, challenge), answer);
        card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256);
    }

    @Test
    void mutualAuthenticationWith3desIsAccepted() throws Exception {
        CardFixture card = CardFixture.personalized(ManagementKeyAlgorithm.TDES, TDES_KEY);
        assertDoesNotThrow(() -> card.piv.authenticate(ManagementKeyAlgorithm.TDES, TDES_KEY), "3DES mutual authentication");
        assertDoesNotThrow(() -> card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256),
                "key generation, which needs the management key");
    }

    @Test
    void aWrongManagementKeyIs6982AndGrantsNothing() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] wrongKey = new byte[16];
        assertSw(0x6982, () -> card.piv.authenticate(AES, wrongKey));
        assertSw(0x6982, () -> card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048));
    }

    @Test
    void aWitnessAnswerWithoutAWitnessRequestIs6982() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6982, () -> card.piv.answerWitness(AES, new byte[16], new byte[16]));
    }

    @Test
    void aWitnessCanBeAnsweredOnlyOnce() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] witness = AES.crypt(Cipher.DECRYPT_MODE, AES_KEY, card.piv.requestWitness(AES));
        card.piv.answerWitness(AES, witness, new byte[16]);
        assertSw(0x6982, () -> card.piv.answerWitness(AES, witness, new byte[16]));
    }

    @Test
    void theWrongAlgorithmInP1Is6A86() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6A86, () -> card.piv.requestWitness(ManagementKeyAlgorithm.TDES));
    }

    @Test
    void externalAuthenticationWithTheChallengeWorks() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] r = card.piv.send("GA", 0, 0x87, AES.id(), 0x9B, Tlv.encode(0x7C, Tlv.encode(0x81, new byte[0])));
        byte[] challenge = Tlv.children(Tlv.unwrap(0x7C, r)).get(0x81);
        byte[] response = AES.crypt(Cipher.ENCRYPT_MODE, AES_KEY, challenge);
        assertDoesNotThrow(() -> card.piv.send("GA", 0, 0x87, AES.id(), 0x9B, Tlv.encode(0x7C, Tlv.encode(0x82, response))),
                "the encrypted challenge is accepted");
        assertDoesNotThrow(() -> card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256),
                "key generation, which needs the management key");
    }

    @Test
    void externalAuthenticationWithAWrongResponseIs6982() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.send("GA", 0, 0x87, AES.id(), 0x9B, Tlv.encode(0x7C, Tlv.encode(0x81, new byte[0])));
        assertSw(0x6982, () -> card.piv.send("GA", 0, 0x87, AES.id(), 0x9B,
                Tlv.encode(0x7C, Tlv.encode(0x82, new byte[16]))));
    }

    @Test
    void aStandardAuthenticationAdmitsOneAdministrativeCommand() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.authenticate(AES, AES_KEY);
        card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        assertSw(0x6982, () -> card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256));
        assertSw(0x6982, () -> card.piv.writeCertificate(Slot.SIGNATURE, new byte[] {0x30, 0x00}));
    }

    @Test
    void theGrantedBudgetAdmitsThatManyAdministrativeCommandsAndTheNextIs6982() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.authenticate(AES, AES_KEY, 3);
        card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        card.piv.writeCertificate(Slot.SIGNATURE, new byte[] {0x30, 0x00});
        card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256);
        assertSw(0x6982, () -> card.piv.writeCertificate(Slot.KEY_MANAGEMENT, new byte[] {0x30, 0x00}));
        assertSw(0x6982, () -> card.piv.adminResetPin("654321".toCharArray()));
        card.piv.authenticate(AES, AES_KEY, 2);
        assertDoesNotThrow(() -> card.piv.writeCertificate(Slot.KEY_MANAGEMENT, new byte[] {0x30, 0x00}),
                "a new authentication buys a new budget");
    }

    @Test
    void theServersTwoCommandAnswerAdmitsTwoAsTheApplicationFlowUsesThem() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.authenticate(AES, AES_KEY, 2);
        card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048);
        assertSw(0x6982, () -> card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256));
    }

    @Test
    void aResetPinSpendsTheWholeBudget() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.authenticate(AES, AES_KEY, 5);
        card.piv.adminResetPin("654321".toCharArray());
        assertSw(0x6982, () -> card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256));
    }

    @Test
    void aRelayThatRaisesTheBudgetInTheAnswerFailsTheAuthentication() throws Exception {
        CardFixture card = CardFixture.personalized();
        CardChallenge server = CardChallenge.answer(AES, AES_KEY, card.piv.requestWitness(AES), 2);
        byte[] raised = server.witness();
        raised[raised.length - 1] ^= 0x7F;
        assertSw(0x6982, () -> card.piv.answerWitness(AES, raised, server.challenge()));
        assertSw(0x6982, () -> card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256));
    }

    @Test
    void aMalformedAuthenticationTemplateIs6A80() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6A80, () -> card.piv.send("GA", 0, 0x87, AES.id(), 0x9B, Tlv.encode(0x7D, new byte[0])));
    }
}
