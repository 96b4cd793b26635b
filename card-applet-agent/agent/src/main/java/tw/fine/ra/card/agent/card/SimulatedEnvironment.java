package tw.fine.ra.card.agent.card;

import tw.fine.ra.card.protocol.keys.CardKeyDiversification;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.simulator.SimulatedCard;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The {@code --simulated} world: one simulated reader holding a freshly personalized card whose
 * secrets derive from the published development master key. Only this class can vouch for a
 * scripted PIN source, so real-reader mode cannot be driven without a person at the keyboard.
 */
public final class SimulatedEnvironment {

    public static final String READER = "FINE RA Simulated Reader 00";
    /** Development master key (never used for real cards): 32 bytes 0x00..0x1F. */
    public static final byte[] DEV_MASTER_KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    public static final char[] INITIAL_PIN = "123456".toCharArray();

    private final SimulatedCard card;
    private final TerminalFactory factory;
    private final byte[] guid;
    private final PublicKey attestationKey;

    private SimulatedEnvironment(SimulatedCard card, TerminalFactory factory, byte[] guid, PublicKey attestationKey) {
        this.card = card;
        this.factory = factory;
        this.guid = guid;
        this.attestationKey = attestationKey;
    }

    /** A blank card in the reader (for personalization tests). */
    public static SimulatedEnvironment blank() {
        SimulatedCard card = new SimulatedCard();
        return new SimulatedEnvironment(card, card.insertInto(READER), null, null);
    }

    /** A card personalized as the RA would: random GUID, derived management key and PUK, 9E key. */
    public static SimulatedEnvironment personalized() {
        SimulatedCard card = new SimulatedCard();
        TerminalFactory factory = card.insertInto(READER);
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        CardKeyDiversification keys = new CardKeyDiversification(DEV_MASTER_KEY);
        PublicKey attestationKey;
        try {
            CardTerminal terminal = factory.terminals().getTerminal(READER);
            Card connection = terminal.connect("*");
            PivCard piv = new PivCard(connection.getBasicChannel());
            piv.select();
            piv.personalize(new Personalization(guid, INITIAL_PIN, keys.puk(guid), ManagementKeyAlgorithm.AES_128,
                    keys.managementKey(guid), KeyAlgorithm.EC_P256));
            attestationKey = piv.publicKey(Slot.ATTESTATION);
            connection.disconnect(true);
        } catch (Exception e) {
            throw new IllegalStateException("could not personalize the simulated card", e);
        }
        return new SimulatedEnvironment(card, factory, guid, attestationKey);
    }

    /** The card's attestation key F9 (null for a blank card): what an RA would certify. */
    public PublicKey attestationKey() {
        return attestationKey;
    }

    public TerminalFactory terminalFactory() {
        return factory;
    }

    public String guidHex() {
        return guid == null ? null : HexFormat.of().withUpperCase().formatHex(guid);
    }

    /** Also offers the card to the operating system through vsmartcard's vpcd (e.g. 127.0.0.1:35963). */
    public VpcdBridge plugIntoVpcd(String host, int port) throws java.io.IOException {
        return VpcdBridge.connect(card.simulator(), host, port);
    }

    /** Pulls the card out, as a user may do in the middle of an operation. */
    public void removeCard() {
        card.remove();
    }
}
