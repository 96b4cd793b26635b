package tw.fine.ra.card.agent;

import com.nimbusds.jose.util.JSONObjectUtils;
import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.Agent;
import tw.fine.ra.card.agent.http.LocalHttpTransport;
import tw.fine.ra.card.agent.pin.ScriptedPinSource;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent on an ephemeral loopback port with a simulated card, a scripted holder and a test RA. */
final class AgentFixture implements AutoCloseable {

    final TestRaServer ra;
    final SimulatedEnvironment card;
    final ScriptedPinSource pins;
    final LocalHttpTransport transport;
    /** The card's GUID; a station test sets it once it personalized the blank card. */
    String guid;
    /** Every request and response body that passed through the agent. */
    final List<String> traffic = new ArrayList<>();
    private boolean closed;

    /** The agent's clock for admin-session expiry; tests move it forward. */
    final MovableClock clock = new MovableClock();

    private AgentFixture(TestRaServer ra, SimulatedEnvironment card, boolean allowPersonalization, TicketVerifier tickets)
            throws IOException {
        this.ra = ra;
        this.card = card;
        this.guid = card.guidHex();
        this.pins = new ScriptedPinSource(card, "123456");
        Agent agent = new Agent(Set.of(TestRaServer.ORIGIN), new CardAccess(card::terminalFactory, Duration.ofSeconds(20)),
                pins, tickets, allowPersonalization, Map.of("agent", "test"), clock);
        this.transport = LocalHttpTransport.start(agent, 0);
    }

    static AgentFixture personalizedCard() throws IOException {
        return startedThisSecond(SimulatedEnvironment.personalized(), false);
    }

    static AgentFixture blankCardAtTheRaStation() throws IOException {
        return startedThisSecond(SimulatedEnvironment.blank(), true);
    }

    /**
     * A new run of the agent on the same card and RA, with the ticket check {@link AgentMain}
     * builds (which waits for its horizon, the next whole second).
     */
    AgentFixture restarted() throws IOException {
        close();
        return new AgentFixture(ra, card, false, AgentMain.ticketVerifier(ra.publicKey(), Clock.systemUTC()));
    }

    /**
     * Remembers tickets from the start of this second on: the production check's wait for the next
     * second would cost every test up to a second; {@link #restarted} uses that one.
     */
    private static AgentFixture startedThisSecond(SimulatedEnvironment card, boolean allowPersonalization)
            throws IOException {
        TestRaServer ra = new TestRaServer();
        return new AgentFixture(ra, card, allowPersonalization, new TicketVerifier(ra.publicKey(), Clock.systemUTC(),
                new ReplayGuard(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
    }

    Http.Response get(String path) throws IOException {
        return record(Http.send(transport.port(), "GET", path, Map.of("Origin", TestRaServer.ORIGIN), null), null);
    }

    Http.Response post(String operation, String session, Map<String, String> params, String ticket) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session);
        body.put("params", params);
        body.put("ticket", ticket);
        String json = JSONObjectUtils.toJSONString(body);
        return record(Http.send(transport.port(), "POST", "/v1/card/" + operation,
                Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), json), json);
    }

    /** A ticketed request for this card. */
    Http.Response ticketed(Operation operation, String session, Map<String, String> params) throws IOException {
        return post(operation.wireName(), session, params, ra.ticket(operation, guid, params));
    }

    /** Runs the relayed management-key authentication the way page and server do; returns the session. */
    String authenticateAsServer() throws IOException {
        Map<String, String> params = Map.of("algorithm", "AES_128");
        Http.Response started = ticketed(Operation.ADMIN_AUTHENTICATE, null, params);
        assertEquals(200, started.status(), started.body());
        String session = (String) started.json().get("session");
        byte[] key = ra.managementKey(guid);
        Map<String, String> answer = ra.answerWitness(guid, (String) started.json().get("witness"), key);
        Http.Response answered = post("admin-answer", session, answer, null);
        assertEquals(200, answered.status(), answered.body());
        assertTrue(ra.cardProved((String) answered.json().get("response")), "the card proves the registered key");
        return session;
    }

    /**
     * Generates keys as the application flow does: relayed authentication, one ticketed
     * {@code generate-key} per (slot, algorithm) pair, close. Returns each answer by slot.
     */
    Map<String, Map<String, Object>> generateKeys(String... slotAlgorithmPairs) throws IOException {
        String session = authenticateAsServer();
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (int i = 0; i < slotAlgorithmPairs.length; i += 2) {
            Http.Response r = ticketed(Operation.GENERATE_KEY, session,
                    Map.of("slot", slotAlgorithmPairs[i], "algorithm", slotAlgorithmPairs[i + 1]));
            assertEquals(200, r.status(), r.body());
            answers.put(slotAlgorithmPairs[i], r.json());
        }
        assertEquals(200, post("admin-close", session, Map.of(), null).status());
        return answers;
    }

    private Http.Response record(Http.Response response, String requestBody) {
        if (requestBody != null) {
            traffic.add(requestBody);
        }
        traffic.add(response.body());
        return response;
    }

    /** System time plus an offset the test controls. */
    static final class MovableClock extends Clock {
        private volatile java.time.Duration offset = java.time.Duration.ZERO;

        void advance(java.time.Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            transport.close();
        }
    }
}
