package tw.fine.ra.card.control;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import tw.fine.ra.card.protocol.ticket.Operation;

/** Which ticket operations a subscriber may get, and which need a card the server just authenticated. */
public final class TicketRules {

    /** Operations on the subscriber's own card; personalization is the RA counter's. */
    private static final Set<Operation> SUBSCRIBER_OPERATIONS = EnumSet.complementOf(EnumSet.of(Operation.PERSONALIZE));

    /**
     * The administrative steps: the agent runs them only inside a management-key session, and the
     * server tickets them only after the card proved that key to it (relayed authentication).
     */
    private static final Set<Operation> NEED_AUTHENTICATED_CARD =
            EnumSet.of(Operation.GENERATE_KEY, Operation.WRITE_CERTIFICATE, Operation.RESET_PIN);

    private TicketRules() {
    }

    /** The operation a subscriber asked for by its wire name, if a subscriber may have it. */
    public static Optional<Operation> forSubscriber(String wireName) {
        try {
            Operation operation = Operation.fromWireName(wireName);
            return SUBSCRIBER_OPERATIONS.contains(operation) ? Optional.of(operation) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static boolean needsAuthenticatedCard(Operation operation) {
        return NEED_AUTHENTICATED_CARD.contains(operation);
    }
}
