package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PersonalizationSealer;

import java.security.interfaces.ECPublicKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static tw.fine.ra.card.applet.CardFixture.AES_KEY;
import static tw.fine.ra.card.applet.CardFixture.GUID;
import static tw.fine.ra.card.applet.CardFixture.PIN;
import static tw.fine.ra.card.applet.CardFixture.PUK;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

/** PERSONALIZE takes only an envelope sealed to this card's transport key (ADR 0004). */
class SealedPersonalizationTest {

    private static final Personalization DATA = new Personalization(GUID, PIN, PUK, ManagementKeyAlgorithm.AES_128, AES_KEY,
            KeyAlgorithm.EC_P256);

    @Test
    void theCardOpensAnEnvelopeSealedToItsTransportKey() throws Exception {
        CardFixture card = CardFixture.blank();
        card.piv.personalizeSealed(PersonalizationSealer.seal(card.piv.transportKey(), DATA), KeyAlgorithm.EC_P256);
        assertArrayEquals(GUID, card.piv.guid().orElseThrow());
        card.piv.verifyPin(PIN);
        card.authenticateAdmin();
    }

    @Test
    void anEnvelopeForAnotherCardIsRefusedAndLeavesTheCardBlank() throws Exception {
        CardFixture card = CardFixture.blank();
        ECPublicKey other = CardFixture.blank().piv.transportKey();
        assertNotEquals(other.getW(), card.piv.transportKey().getW(), "each card has its own transport key");
        assertSw(0x6982, () -> card.piv.personalizeSealed(PersonalizationSealer.seal(other, DATA), KeyAlgorithm.EC_P256));
        assertFalse(card.piv.keyInfo().personalized());
        card.piv.personalize(DATA);
    }

    @Test
    void aChangedByteAnywhereInTheEnvelopeIsRefused() throws Exception {
        CardFixture card = CardFixture.blank();
        byte[] envelope = PersonalizationSealer.seal(card.piv.transportKey(), DATA);
        // ephemeral point, ciphertext, tag
        for (int at : new int[] {10, 70, envelope.length - 1}) {
            byte[] tampered = envelope.clone();
            tampered[at] ^= 0x01;
            assertSw(0x6982, () -> card.piv.personalizeSealed(tampered, KeyAlgorithm.EC_P256));
        }
        assertFalse(card.piv.keyInfo().personalized());
        card.piv.personalizeSealed(envelope, KeyAlgorithm.EC_P256);
    }

    @Test
    void afterFiveEnvelopesThatDoNotOpenTheCardRefusesEvenAGoodOne() throws Exception {
        CardFixture card = CardFixture.blank();
        byte[] envelope = PersonalizationSealer.seal(card.piv.transportKey(), DATA);
        byte[] tampered = envelope.clone();
        tampered[tampered.length - 1] ^= 0x01;
        for (int i = 0; i < 5; i++) {
            assertSw(0x6982, () -> card.piv.personalizeSealed(tampered, KeyAlgorithm.EC_P256));
        }
        assertSw(0x6983, () -> card.piv.personalizeSealed(envelope, KeyAlgorithm.EC_P256));
    }
}
