package tw.fine.ra.card.agent.card;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The readers the agent may use, and whether PINs may come from a script there. A scripted PIN
 * never reaches a card a person holds: it is allowed only where every reader in scope holds the
 * agent's own simulated card, i.e. the simulator's reader, or the one vsmartcard vpcd slot on this
 * computer that the agent's bridge occupies ({@code --vpcd}; vpcd serves one connection per slot,
 * so no other card can be in it). With real readers the scope is every reader and PINs come only
 * from the dialog a person types into.
 */
public final class ReaderScope {

    /** vsmartcard's reader.conf: vpcd's first slot listens on 0x8C7B, the second on the next port. */
    static final int VPCD_FIRST_PORT = 0x8C7B;
    static final int VPCD_SLOTS = 2;

    private final String description;
    private final Predicate<String> readers;
    private final boolean scriptedPins;

    private ReaderScope(String description, Predicate<String> readers, boolean scriptedPins) {
        this.description = description;
        this.readers = readers;
        this.scriptedPins = scriptedPins;
    }

    /** Every PC/SC reader of the computer: a person's cards, PINs typed by that person only. */
    public static ReaderScope everyReader() {
        return new ReaderScope("every PC/SC reader", name -> true, false);
    }

    /** The simulator's one reader ({@code --simulated} without vpcd: no PC/SC at all). */
    public static ReaderScope simulator() {
        return new ReaderScope(SimulatedEnvironment.READER, SimulatedEnvironment.READER::equals, true);
    }

    /**
     * The vpcd slot that {@code --vpcd HOST:PORT} plugs the simulated card into: HOST must be this
     * computer (the agent reads the local PC/SC service) and PORT one of vpcd's slots, whose reader
     * pcscd names "Virtual PCD NN SS" (SS the slot).
     */
    public static ReaderScope vpcdSlot(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1 || !hostAndPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("--vpcd needs HOST:PORT, e.g. 127.0.0.1:35963");
        }
        String host = hostAndPort.substring(0, colon);
        int slot = Integer.parseInt(hostAndPort.substring(colon + 1)) - VPCD_FIRST_PORT;
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("--vpcd must name this computer's vpcd (127.0.0.1 or localhost)");
        }
        if (slot < 0 || slot >= VPCD_SLOTS) {
            throw new IllegalArgumentException("--vpcd port must be a vpcd slot: " + VPCD_FIRST_PORT + " or "
                    + (VPCD_FIRST_PORT + VPCD_SLOTS - 1));
        }
        Pattern reader = Pattern.compile("Virtual PCD [0-9A-F]{2} " + String.format("%02X", slot));
        return new ReaderScope("vpcd slot " + slot, name -> reader.matcher(name).matches(), true);
    }

    public boolean includes(String readerName) {
        return readers.test(readerName);
    }

    /** True only where every reader in scope holds the agent's own simulated card. */
    public boolean allowsScriptedPins() {
        return scriptedPins;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        return description;
    }
}
