package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.KeyInfo;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.Slot;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.card.applet.CardFixture.AES_KEY;
import static tw.fine.ra.card.applet.CardFixture.GUID;
import static tw.fine.ra.card.applet.CardFixture.PIN;
import static tw.fine.ra.card.applet.CardFixture.PUK;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

class PersonalizationTest {

    private static final char[] NEW_PIN = "7654321".toCharArray();

    @Test
    void aBlankCardRefusesPivCommandsWith6985() throws Exception {
        CardFixture card = CardFixture.blank();
        assertEquals(0x6985, card.raw("0020008000").getSW());
        assertFalse(card.piv.keyInfo().personalized());
    }

    @Test
    void personalizationWorksOnceThenIsLocked() throws Exception {
        CardFixture card = CardFixture.personalized();
        Personalization again = new Personalization(new byte[16], PIN, PUK, ManagementKeyAlgorithm.AES_128,
                new byte[16], KeyAlgorithm.EC_P256);
        assertSw(0x6986, () -> card.piv.personalize(again));
        card.authenticateAdmin();
    }

    @Test
    void aMalformedPersonalizationIs6A80AndLeavesTheCardBlank() throws Exception {
        CardFixture card = CardFixture.blank();
        assertEquals(0x6A80, card.raw("00E1001106C1041122334400").getSW());
        assertFalse(card.piv.keyInfo().personalized());
    }

    @Test
    void keyInfoReportsVersionTriesAndTheCardAuthenticationKey() throws Exception {
        KeyInfo info = CardFixture.personalized().piv.keyInfo();
        assertEquals("1.1.0", info.appletVersion());
        assertTrue(info.personalized());
        assertEquals(3, info.pinTriesLeft());
        assertEquals(Map.of(Slot.CARD_AUTHENTICATION, KeyAlgorithm.EC_P256, Slot.ATTESTATION, KeyAlgorithm.EC_P256), info.keys());
    }

    @Test
    void theServerAuthorizedResetUnblocksWithANewPin() throws Exception {
        CardFixture card = CardFixture.personalized();
        for (int i = 0; i < 3; i++) {
            card.raw("00200080083030303030304646".replace("4646", "FFFF"));
        }
        assertEquals(0x6983, card.raw("0020008000").getSW());
        card.authenticateAdmin();
        card.piv.adminResetPin(NEW_PIN);
        assertEquals(0x63C3, card.raw("0020008000").getSW());
        card.piv.verifyPin(NEW_PIN);
    }

    @Test
    void theServerAuthorizedResetNeedsTheManagementKey() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6982, () -> card.piv.adminResetPin(NEW_PIN));
    }

    @Test
    void oneAuthorizationBuysOneReset() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        card.piv.adminResetPin(NEW_PIN);
        assertSw(0x6982, () -> card.piv.adminResetPin(PIN));
    }

    @Test
    void theGuidIsWhatPersonalizationSet() throws Exception {
        assertEquals(java.util.HexFormat.of().formatHex(GUID),
                java.util.HexFormat.of().formatHex(CardFixture.personalized().piv.guid().orElseThrow()));
    }

    @Test
    void theAesKeyFromPersonalizationIsTheOneTheCardChecks() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertDoesNotThrow(() -> card.piv.authenticate(ManagementKeyAlgorithm.AES_128, AES_KEY));
    }
}
