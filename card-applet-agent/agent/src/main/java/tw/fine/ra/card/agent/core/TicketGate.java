package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.protocol.ticket.Expectation;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.TicketRefusedException;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

import java.util.Set;

/** Admits a card operation only for a configured origin with a ticket bound to what the agent sees. */
final class TicketGate {

    private final TicketVerifier verifier;
    private final Set<String> allowedOrigins;

    TicketGate(TicketVerifier verifier, Set<String> allowedOrigins) {
        this.verifier = verifier;
        this.allowedOrigins = allowedOrigins;
    }

    void checkOrigin(AgentRequest request) throws AgentException {
        if (request.origin() == null || request.origin().isBlank()) {
            throw new AgentException(ErrorCode.ORIGIN_MISSING, "no Origin");
        }
        if (!allowedOrigins.contains(request.origin())) {
            throw new AgentException(ErrorCode.ORIGIN_NOT_ALLOWED, request.origin());
        }
    }

    /** {@code cardGuid} is what the card in the reader says now, never what the request claims. */
    void admit(Operation operation, AgentRequest request, String cardGuid) throws AgentException {
        checkOrigin(request);
        String parametersHash;
        try {
            parametersHash = Parameters.hash(request.params());
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        try {
            verifier.verify(request.ticket(), new Expectation(operation, request.origin(), cardGuid, parametersHash));
        } catch (TicketRefusedException e) {
            throw new AgentException(ErrorCode.of(e.refusal()), e.getMessage());
        }
    }
}
