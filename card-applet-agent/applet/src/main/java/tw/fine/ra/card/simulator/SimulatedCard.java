package tw.fine.ra.card.simulator;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import javacard.framework.AID;
import tw.fine.ra.card.applet.PivApplet;

import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import java.security.NoSuchAlgorithmException;

/**
 * A blank FINE RA card in jCardSim, reachable through {@code javax.smartcardio} exactly as a
 * card in a PC/SC reader is, so the agent and the tests run the real-reader code path.
 */
public final class SimulatedCard {

    private final CardSimulator simulator = new CardSimulator();

    public SimulatedCard() {
        simulator.installApplet(new AID(PivApplet.AID, (short) 0, (byte) PivApplet.AID.length), PivApplet.class);
    }

    /** Raw access for bridges such as the vpcd client: the card without any reader around it. */
    public CardSimulator simulator() {
        return simulator;
    }

    /** A terminal factory offering one simulated reader, with this card inserted. */
    public TerminalFactory insertInto(String readerName) {
        TerminalFactory factory = factory(readerName);
        CardTerminals terminals = factory.terminals();
        simulator.assignToTerminal(terminals.getTerminal(readerName));
        try {
            // A freshly inserted simulated card stays hidden from list(CARD_PRESENT) until the change is observed.
            terminals.waitForChange(1);
        } catch (javax.smartcardio.CardException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    /** Pulls the card out of its reader, as a user does mid-operation: open connections fail from now on. */
    public void remove() {
        CardTerminal terminal = simulator.getAssignedCardTerminal();
        if (terminal == null) {
            return;
        }
        simulator.assignToTerminal(null);
        // jCardSim 3.0.5.11 clears its terminal reference before asking itself to eject, so the eject never
        // happens and open connections keep talking to the "removed" card; eject the connection ourselves.
        try {
            java.lang.reflect.Field field = CardSimulator.class.getDeclaredField("card");
            field.setAccessible(true);
            Object card = field.get(simulator);
            java.lang.reflect.Method eject = card.getClass().getDeclaredMethod("eject");
            eject.setAccessible(true);
            eject.invoke(card);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jCardSim changed: cannot simulate card removal", e);
        }
    }

    private static TerminalFactory factory(String readerName) {
        try {
            return TerminalFactory.getInstance("CardTerminalSimulator", readerName,
                    new CardTerminalSimulator.SecurityProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("jCardSim terminal provider missing", e);
        }
    }
}
