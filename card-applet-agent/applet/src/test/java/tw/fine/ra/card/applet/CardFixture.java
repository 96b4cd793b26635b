package tw.fine.ra.card.applet;

import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.simulator.SimulatedCard;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A simulated card in a simulated reader, reached through javax.smartcardio, with the known test secrets. */
final class CardFixture {

    static final byte[] GUID = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
    static final char[] PIN = "123456".toCharArray();
    static final byte[] PUK = "87654321".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final byte[] AES_KEY = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");
    static final byte[] TDES_KEY = HexFormat.of().parseHex("0102030405060708" + "0102030405060708" + "0102030405060708");

    final SimulatedCard simulated = new SimulatedCard();
    final CardChannel channel;
    final PivCard piv;

    private CardFixture() throws CardException {
        List<CardTerminal> readers = simulated.insertInto("Test Reader").terminals().list();
        Card card = readers.get(0).connect("T=1");
        channel = card.getBasicChannel();
        piv = new PivCard(channel);
    }

    /** A blank card, selected. */
    static CardFixture blank() throws Exception {
        CardFixture fixture = new CardFixture();
        fixture.piv.select();
        return fixture;
    }

    /** A card personalized with the AES management key and a P-256 card-authentication key. */
    static CardFixture personalized() throws Exception {
        return personalized(ManagementKeyAlgorithm.AES_128, AES_KEY);
    }

    static CardFixture personalized(ManagementKeyAlgorithm algorithm, byte[] key) throws Exception {
        CardFixture fixture = blank();
        fixture.piv.personalize(new Personalization(GUID, PIN, PUK, algorithm, key, KeyAlgorithm.EC_P256));
        return fixture;
    }

    /** A standard management-key authentication: one administrative command. */
    void authenticateAdmin() throws Exception {
        authenticateAdmin(1);
    }

    /** An authentication granting {@code adminCommands} administrative commands, as the RA server grants them. */
    void authenticateAdmin(int adminCommands) throws Exception {
        piv.authenticate(ManagementKeyAlgorithm.AES_128, AES_KEY, adminCommands);
    }

    ResponseAPDU raw(String hex) throws CardException {
        return channel.transmit(new CommandAPDU(HexFormat.of().parseHex(hex.replace(" ", ""))));
    }

    static void assertSw(int expected, ThrowingCall call) {
        CardStatusException e = assertThrows(CardStatusException.class, call::run);
        assertEquals(String.format("%04X", expected), String.format("%04X", e.statusWord()), e.getMessage());
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
