package tw.fine.ra.card.control;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import tw.fine.ra.card.protocol.ticket.Operation;

/**
 * Which ticket operations a subscriber or the RA counter may get, and which need a card the server
 * just authenticated.
 */
public final class TicketRules {

    /** Operations on the subscriber's own card; personalization is the RA counter's. */
    private static final Set<Operation> SUBSCRIBER_OPERATIONS = EnumSet.complementOf(EnumSet.of(Operation.PERSONALIZE));

    /**
     * The administrative steps: the agent runs them only inside a management-key session, and the
     * server tickets them only after the card proved that key to it (relayed authentication).
     */
    private static final Set<Operation> NEED_AUTHENTICATED_CARD =
            EnumSet.of(Operation.GENERATE_KEY, Operation.WRITE_CERTIFICATE, Operation.RESET_PIN);

    /**
     * What the RA counter does on a personalized card before handing it over: prove the management
     * key to the server and write the card's attestation certificate (F9), nothing else.
     */
    private static final Set<Operation> COUNTER_OPERATIONS =
            EnumSet.of(Operation.ADMIN_AUTHENTICATE, Operation.WRITE_CERTIFICATE);

    /** The only slot the counter writes: the card's attestation certificate. */
    public static final String COUNTER_SLOT = "F9";

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

    /** The operation the RA counter asked for by its wire name, if the counter may have it on these parameters. */
    public static Optional<Operation> forCounter(String wireName, java.util.Map<String, String> parameters) {
        try {
            Operation operation = Operation.fromWireName(wireName);
            boolean slotOk = operation != Operation.WRITE_CERTIFICATE
                    || parameters != null && COUNTER_SLOT.equals(parameters.get("slot"));
            return COUNTER_OPERATIONS.contains(operation) && slotOk ? Optional.of(operation) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static boolean needsAuthenticatedCard(Operation operation) {
        return NEED_AUTHENTICATED_CARD.contains(operation);
    }
}
