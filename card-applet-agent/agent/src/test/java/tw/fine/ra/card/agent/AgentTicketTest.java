package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.TicketSigner;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every way a card command can arrive without a valid ticket is refused with its own code. */
class AgentTicketTest {

    private static final Map<String, String> PARAMS = Map.of("slot", "9E", "nonce", "bm9uY2U");
    private final AgentFixture agent = AgentFixture.personalizedCard();

    AgentTicketTest() throws Exception {
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aValidTicketIsObeyed() throws Exception {
        assertEquals(200, agent.ticketed(Operation.SIGN_CHALLENGE, null, PARAMS).status());
    }

    @Test
    void noTicket() throws Exception {
        assertRefused(401, "TICKET_MISSING", null);
    }

    @Test
    void garbageTicket() throws Exception {
        assertRefused(401, "TICKET_MALFORMED", "abc.def.ghi");
    }

    @Test
    void ticketSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String foreign = new TicketSigner((ECPrivateKey) generator.generateKeyPair().getPrivate(), "evil")
                .issue(Operation.SIGN_CHALLENGE, TestRaServer.ORIGIN, agent.guid,
                        tw.fine.ra.card.protocol.ticket.Parameters.hash(PARAMS), Instant.now(), Duration.ofMinutes(1));
        assertRefused(401, "TICKET_BAD_SIGNATURE", foreign);
    }

    @Test
    void expiredTicket() throws Exception {
        assertRefused(401, "TICKET_EXPIRED", agent.ra.ticket(Operation.SIGN_CHALLENGE, TestRaServer.ORIGIN, agent.guid,
                PARAMS, Instant.now().minusSeconds(600), Duration.ofMinutes(3)));
    }

    @Test
    void replayedTicket() throws Exception {
        String ticket = agent.ra.ticket(Operation.SIGN_CHALLENGE, agent.guid, PARAMS);
        assertEquals(200, agent.post("sign-challenge", null, PARAMS, ticket).status());
        assertRefused(401, "TICKET_REPLAYED", ticket);
    }

    @Test
    void aTicketAcceptedBeforeTheAgentRestartedIsRefusedAfterIt() throws Exception {
        String ticket = agent.ra.ticket(Operation.SIGN_CHALLENGE, agent.guid, PARAMS);
        assertEquals(200, agent.post("sign-challenge", null, PARAMS, ticket).status());
        try (AgentFixture restarted = agent.restarted()) {
            Http.Response replayed = restarted.post("sign-challenge", null, PARAMS, ticket);
            assertEquals("TICKET_ISSUED_BEFORE_START", replayed.error(), replayed.body());
            assertEquals(401, replayed.status());
            assertEquals(200, restarted.ticketed(Operation.SIGN_CHALLENGE, null, PARAMS).status(),
                    "a ticket issued after the restart is obeyed");
        }
    }

    @Test
    void ticketForAnotherOrigin() throws Exception {
        assertRefused(403, "TICKET_WRONG_ORIGIN", agent.ra.ticket(Operation.SIGN_CHALLENGE, "https://other.example",
                agent.guid, PARAMS, Instant.now(), Duration.ofMinutes(3)));
    }

    @Test
    void ticketForAnotherCard() throws Exception {
        assertRefused(403, "TICKET_WRONG_CARD", agent.ra.ticket(Operation.SIGN_CHALLENGE, "FF".repeat(16), PARAMS));
    }

    @Test
    void ticketForAnotherOperation() throws Exception {
        assertRefused(403, "TICKET_WRONG_OPERATION", agent.ra.ticket(Operation.CHANGE_PIN, agent.guid, PARAMS));
    }

    @Test
    void parametersChangedAfterSigning() throws Exception {
        String ticket = agent.ra.ticket(Operation.SIGN_CHALLENGE, agent.guid, Map.of("slot", "9E", "nonce", "other"));
        assertRefused(403, "TICKET_WRONG_PARAMETERS", ticket);
    }

    @Test
    void aValidTicketFromAnUnconfiguredOriginNeverReachesTheCard() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "POST", "/v1/card/sign-challenge",
                Map.of("Origin", "https://evil.example", "Content-Type", "application/json"),
                "{\"params\":{\"slot\":\"9E\",\"nonce\":\"bm9uY2U\"},\"ticket\":\""
                        + agent.ra.ticket(Operation.SIGN_CHALLENGE, agent.guid, PARAMS) + "\"}");
        assertEquals(403, r.status());
        assertEquals("ORIGIN_NOT_ALLOWED", r.error());
    }

    private void assertRefused(int status, String code, String ticket) throws Exception {
        Http.Response r = agent.post("sign-challenge", null, PARAMS, ticket);
        assertEquals(code, r.error(), r.body());
        assertEquals(status, r.status());
    }
}
