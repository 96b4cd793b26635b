package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's single entry point for every transport. Card-changing operations are named as in
 * ticket "op" claims, plus the relay steps {@code admin-answer} and {@code admin-close}, whose
 * authority is the session a ticketed {@code admin-authenticate} opened.
 */
public final class Agent {

    /** A card operation: request in, JSON-able answer out. */
    @FunctionalInterface
    private interface Handler {
        Map<String, Object> handle(AgentRequest request) throws AgentException;
    }

    private final Set<String> allowedOrigins;
    private final TicketGate gate;
    private final CardQueries queries;
    private final AdminSessions sessions;
    private final Map<String, Handler> operations;

    public Agent(Set<String> allowedOrigins, CardAccess cards, PinSource pins, TicketVerifier verifier,
                 boolean allowPersonalization, Map<String, Object> identity, Clock clock) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        TicketGate gate = new TicketGate(verifier, this.allowedOrigins);
        this.sessions = new AdminSessions(cards, gate, clock);
        this.queries = new CardQueries(cards, sessions, identity);
        OperationContext context = new OperationContext(cards, sessions, gate, pins);
        KeyOperations keys = new KeyOperations(context);
        CardSignatures signatures = new CardSignatures(context);
        PinOperations pinOperations = new PinOperations(context);
        Personalizer personalizer = new Personalizer(cards, gate, allowPersonalization);
        this.operations = Map.of(
                "admin-authenticate", sessions::start,
                "admin-answer", sessions::answer,
                "admin-close", this::closeSession,
                "generate-key", keys::generateKey,
                "write-certificate", keys::writeCertificate,
                "sign-challenge", signatures::signChallenge,
                "sign-request", signatures::signRequest,
                "change-pin", pinOperations::changePin,
                "reset-pin", pinOperations::resetPin,
                "personalize", personalizer::personalize);
        this.gate = gate;
    }

    public boolean isAllowedOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    public Map<String, Object> status() {
        return queries.status();
    }

    public List<Map<String, Object>> readers() throws AgentException {
        return queries.readers();
    }

    public Map<String, Object> card(String reader) throws AgentException {
        return queries.card(reader);
    }

    public boolean knows(String operation) {
        return operations.containsKey(operation);
    }

    public Map<String, Object> perform(String operation, AgentRequest request) throws AgentException {
        Handler handler = operations.get(operation);
        if (handler == null) {
            throw new AgentException(ErrorCode.NOT_FOUND, operation);
        }
        gate.checkOrigin(request);
        boolean administrative = operation.startsWith("admin-") || operation.equals("generate-key")
                || operation.equals("write-certificate") || operation.equals("reset-pin");
        if (!administrative && sessions.busy()) {
            throw new AgentException(ErrorCode.CARD_BUSY, "card authentication in progress");
        }
        return handler.handle(request);
    }

    private Map<String, Object> closeSession(AgentRequest request) throws AgentException {
        sessions.require(request);
        sessions.end();
        return Map.of("closed", true);
    }
}
