package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.CardSession;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The relayed management-key authentication: the card's witness goes to the server, the
 * server's answer comes back, and the card connection stays open (and exclusive) so the
 * authentication survives until the administrative operation it was for. One at a time.
 */
final class AdminSessions {

    private static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final int SW_SECURITY = 0x6982;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.concurrent.ScheduledExecutorService REAPER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "admin-session-reaper");
                t.setDaemon(true);
                return t;
            });

    /** An open, possibly authenticated, card session and who opened it. */
    record Active(String id, CardSession card, String origin, String guid, ManagementKeyAlgorithm algorithm,
                  Instant expiresAt) {
    }

    private final CardAccess cards;
    private final TicketGate gate;
    private final Clock clock;
    private Active active;

    AdminSessions(CardAccess cards, TicketGate gate, Clock clock) {
        this.cards = cards;
        this.gate = gate;
        this.clock = clock;
        // An abandoned flow must not keep the card locked away from other programs until the next request.
        REAPER.scheduleWithFixedDelay(this::reap, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private synchronized void reap() {
        endIfExpired();
    }

    synchronized boolean busy() {
        endIfExpired();
        return active != null;
    }

    /** Step 1: ticket-checked; opens the card and returns its encrypted witness for the server. */
    synchronized Map<String, Object> start(AgentRequest request) throws AgentException {
        endIfExpired();
        if (active != null) {
            throw new AgentException(ErrorCode.CARD_BUSY, "another card authentication is in progress");
        }
        ManagementKeyAlgorithm algorithm = algorithm(request.param("algorithm"));
        CardSession session = cards.open(request.reader());
        try {
            String guid = cards.inSession(session, CardFacts::guid);
            gate.admit(Operation.ADMIN_AUTHENTICATE, request, guid);
            byte[] witness = cards.inSession(session, card -> card.requestWitness(algorithm));
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            active = new Active(Base64.getUrlEncoder().withoutPadding().encodeToString(id), session, request.origin(),
                    guid, algorithm, clock.instant().plus(LIFETIME));
            return Map.of("session", active.id(), "card", guid, "witness", Base64.getEncoder().encodeToString(witness));
        } catch (AgentException e) {
            cards.close(session);
            throw e;
        }
    }

    /** Step 2: relays the server's decrypted witness and challenge; the card's answer proves the card. */
    synchronized Map<String, Object> answer(AgentRequest request) throws AgentException {
        Active session = require(request);
        byte[] witness = base64(request.param("witness"));
        byte[] challenge = base64(request.param("challenge"));
        try {
            byte[] response = cards.inSession(session.card(), card -> {
                try {
                    return card.answerWitness(session.algorithm(), witness, challenge);
                } catch (CardStatusException e) {
                    throw refused(e, ErrorCode.ADMIN_AUTHENTICATION_FAILED);
                }
            });
            return Map.of("session", session.id(), "response", Base64.getEncoder().encodeToString(response));
        } catch (AgentException e) {
            end();
            throw e;
        }
    }

    /** The open session named by the request, opened by the same origin and not expired. */
    synchronized Active require(AgentRequest request) throws AgentException {
        endIfExpired();
        if (active == null || !active.id().equals(request.session()) || !active.origin().equals(request.origin())) {
            throw new AgentException(ErrorCode.ADMIN_SESSION_MISSING, "no such card authentication");
        }
        return active;
    }

    /** For an administrative operation: the session, plus a ticket for that operation on that card. */
    synchronized Active admit(Operation operation, AgentRequest request) throws AgentException {
        Active session = require(request);
        gate.admit(operation, request, session.guid());
        return session;
    }

    /**
     * Runs administrative card work; 6982 means the server never completed the authentication. A card
     * pulled out ends the session: the card it authenticated is gone, and it must not keep the agent
     * busy for the card put back.
     */
    <T> T run(Active session, tw.fine.ra.card.agent.card.CardWork<T> work) throws AgentException {
        try {
            return cards.inSession(session.card(), card -> {
                try {
                    return work.run(card);
                } catch (CardStatusException e) {
                    throw refused(e, ErrorCode.ADMIN_SESSION_MISSING);
                }
            });
        } catch (AgentException e) {
            if (e.code() == ErrorCode.CARD_REMOVED || e.code() == ErrorCode.CARD_ABSENT) {
                end();
            }
            throw e;
        }
    }

    synchronized void end() {
        if (active != null) {
            cards.close(active.card());
            active = null;
        }
    }

    private void endIfExpired() {
        if (active != null && clock.instant().isAfter(active.expiresAt())) {
            end();
        }
    }

    /** 6982 from an administrative command is an authentication problem; anything else stays a card error. */
    private static AgentException refused(CardStatusException e, ErrorCode code) {
        if (e.statusWord() == SW_SECURITY) {
            return new AgentException(code, e.getMessage());
        }
        return new AgentException(ErrorCode.CARD_ERROR, e.getMessage(),
                Map.of("statusWord", String.format("%04X", e.statusWord())), e);
    }

    static byte[] base64(String value) throws AgentException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not base64");
        }
    }

    private static ManagementKeyAlgorithm algorithm(String name) throws AgentException {
        try {
            return ManagementKeyAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "algorithm is AES_128 or TDES");
        }
    }
}
