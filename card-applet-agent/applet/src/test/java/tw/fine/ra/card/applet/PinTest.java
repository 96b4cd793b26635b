package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tw.fine.ra.card.applet.CardFixture.PIN;
import static tw.fine.ra.card.applet.CardFixture.PUK;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

class PinTest {

    private static final char[] WRONG = "999999".toCharArray();
    private static final char[] NEW_PIN = "24681357".toCharArray();

    @Test
    void emptyVerifyReportsThreeTriesBeforeAndSuccessAfterVerification() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertEquals(0x63C3, card.raw("0020008000").getSW());
        card.piv.verifyPin(PIN);
        assertEquals(0x9000, card.raw("0020008000").getSW());
    }

    @Test
    void threeWrongPinsBlockTheCardEvenForTheRightPin() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x63C2, () -> card.piv.verifyPin(WRONG));
        assertSw(0x63C1, () -> card.piv.verifyPin(WRONG));
        assertSw(0x6983, () -> card.piv.verifyPin(WRONG));
        assertSw(0x6983, () -> card.piv.verifyPin(PIN));
        assertEquals(0x6983, card.raw("0020008000").getSW());
    }

    @Test
    void aRightPinRestoresTheCounter() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x63C2, () -> card.piv.verifyPin(WRONG));
        card.piv.verifyPin(PIN);
        card.raw("0020FF8000");
        assertEquals(0x63C3, card.raw("0020008000").getSW());
    }

    @Test
    void verifyWithP1FFForgetsTheVerification() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.EC_P256);
        card.piv.verifyPin(PIN);
        assertEquals(0x9000, card.raw("0020FF8000").getSW());
        assertSw(0x6982, () -> card.piv.signSha256(Slot.AUTHENTICATION, KeyAlgorithm.EC_P256, new byte[32]));
    }

    @Test
    void nonDigitPinIs6A80AndCostsNoTry() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertEquals(0x6A80, card.raw("00200080083132333435364142").getSW());
        assertEquals(0x63C3, card.raw("0020008000").getSW());
    }

    @Test
    void shortPinBodyIs6700() throws Exception {
        assertEquals(0x6700, CardFixture.personalized().raw("0020008006313233343536").getSW());
    }

    @Test
    void verifyOfAnotherReferenceIs6A86() throws Exception {
        assertEquals(0x6A86, CardFixture.personalized().raw("00200081083132333435363738").getSW());
    }

    @Test
    void changeReferenceDataReplacesThePin() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.changePin(PIN, NEW_PIN);
        card.raw("0020FF8000");
        assertSw(0x63C2, () -> card.piv.verifyPin(PIN));
        card.piv.verifyPin(NEW_PIN);
    }

    @Test
    void changeReferenceDataWithAWrongOldPinCountsATry() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x63C2, () -> card.piv.changePin(WRONG, NEW_PIN));
        card.piv.verifyPin(PIN);
    }

    @Test
    void changeReferenceDataCanChangeThePuk() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] newPuk = "11223344".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        card.piv.send("CHANGE PUK", 0, 0x24, 0, 0x81, tw.fine.ra.card.protocol.piv.Tlv.concat(PUK, newPuk));
        assertSw(0x63C2, () -> card.piv.resetRetryCounter(PUK, NEW_PIN));
        card.piv.resetRetryCounter(newPuk, NEW_PIN);
    }

    @Test
    void resetRetryCounterWithThePukUnblocksWithANewPin() throws Exception {
        CardFixture card = blocked();
        card.piv.resetRetryCounter(PUK, NEW_PIN);
        assertEquals(0x63C3, card.raw("0020008000").getSW());
        card.piv.verifyPin(NEW_PIN);
    }

    @Test
    void threeWrongPuksBlockThePukToo() throws Exception {
        CardFixture card = blocked();
        byte[] wrong = "00000000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertSw(0x63C2, () -> card.piv.resetRetryCounter(wrong, NEW_PIN));
        assertSw(0x63C1, () -> card.piv.resetRetryCounter(wrong, NEW_PIN));
        assertSw(0x6983, () -> card.piv.resetRetryCounter(wrong, NEW_PIN));
        assertSw(0x6983, () -> card.piv.resetRetryCounter(PUK, NEW_PIN));
    }

    @Test
    void selectingAgainForgetsTheVerification() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.verifyPin(PIN);
        card.raw("00A4040009A00000030800001000" + "00");
        assertEquals(0x63C3, card.raw("0020008000").getSW());
    }

    private static CardFixture blocked() throws Exception {
        CardFixture card = CardFixture.personalized();
        char[] wrong = WRONG;
        for (int i = 0; i < 3; i++) {
            try {
                card.piv.verifyPin(wrong);
            } catch (tw.fine.ra.card.protocol.piv.CardStatusException expected) {
                // counting down to blocked
            }
        }
        assertEquals(0x6983, card.raw("0020008000").getSW());
        return card;
    }
}
