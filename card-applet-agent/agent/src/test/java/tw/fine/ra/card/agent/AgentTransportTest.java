package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentTransportTest {

    private final AgentFixture agent = AgentFixture.personalizedCard();

    AgentTransportTest() throws Exception {
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void statusTellsVersionSignatureAndPcsc() throws Exception {
        Http.Response r = agent.get("/v1/status");
        assertEquals(200, r.status());
        Map<String, Object> json = r.json();
        assertEquals(Map.of("available", true, "readers", 1L), normalize(json.get("pcsc")));
        assertTrue(String.valueOf(json.get("java")).startsWith("17"), String.valueOf(json.get("java")));
        assertTrue(json.containsKey("os"));
    }

    @Test
    void aConfiguredOriginGetsExactlyItselfInCors() throws Exception {
        Http.Response r = agent.get("/v1/readers");
        assertEquals(200, r.status());
        assertEquals(TestRaServer.ORIGIN, r.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", r.header("Vary"));
    }

    @Test
    void aPreflightFromTheRaIsAnsweredIncludingPrivateNetworkAccess() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "OPTIONS", "/v1/card/sign-challenge",
                Map.of("Origin", TestRaServer.ORIGIN, "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Private-Network", "true"), null);
        assertEquals(204, r.status());
        assertEquals(TestRaServer.ORIGIN, r.header("Access-Control-Allow-Origin"));
        assertEquals("GET, POST", r.header("Access-Control-Allow-Methods"));
        assertEquals("true", r.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void aForeignOriginIsRefusedWithoutCorsHeaders() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "GET", "/v1/card", Map.of("Origin", "https://evil.example"), null);
        assertEquals(403, r.status());
        assertEquals("ORIGIN_NOT_ALLOWED", r.error());
        assertNull(r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void anOriginDifferingOnlyInPortIsForeign() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "OPTIONS", "/v1/status",
                Map.of("Origin", "https://ra.fine.test:8444"), null);
        assertEquals(403, r.status());
    }

    @Test
    void aRebindingHostNameIsRefused() throws Exception {
        int port = agent.transport.port();
        Http.Response r = Http.send(port, "GET", "/v1/status", Map.of("Host", "attacker.example:" + port), null);
        assertEquals(421, r.status());
        assertEquals("HOST_NOT_ALLOWED", r.error());
    }

    @Test
    void localhostWithThePortIsAcceptedAsHost() throws Exception {
        int port = agent.transport.port();
        assertEquals(200, Http.send(port, "GET", "/v1/status", Map.of("Host", "localhost:" + port), null).status());
        assertEquals(421, Http.send(port, "GET", "/v1/status", Map.of("Host", "localhost"), null).status());
    }

    @Test
    void aCardCommandMustBeJson() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "POST", "/v1/card/change-pin",
                Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "text/plain"), "{}");
        assertEquals(400, r.status());
    }

    @Test
    void aCardCommandWithoutOriginIsRefused() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "POST", "/v1/card/change-pin",
                Map.of("Content-Type", "application/json"), "{\"params\":{}}");
        assertEquals("ORIGIN_MISSING", r.error());
    }

    @Test
    void garbageJsonIsABadRequest() throws Exception {
        Http.Response r = Http.send(agent.transport.port(), "POST", "/v1/card/change-pin",
                Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), "{nope");
        assertEquals(400, r.status());
        assertEquals("BAD_REQUEST", r.error());
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertEquals(404, agent.get("/v1/nothing").status());
    }

    @Test
    void messagesAreChineseByDefaultAndEnglishOnRequest() throws Exception {
        int port = agent.transport.port();
        Http.Response zh = Http.send(port, "GET", "/v1/x", Map.of(), null);
        Http.Response en = Http.send(port, "GET", "/v1/x", Map.of("Accept-Language", "en-US,en;q=0.9"), null);
        assertEquals("沒有這個功能。", zh.json().get("message"));
        assertEquals("No such function.", en.json().get("message"));
        Http.Response refused = Http.send(port, "POST", "/v1/card/change-pin", Map.of("Accept-Language", "en",
                "Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), "{\"params\":{}}");
        assertEquals("Refused: the server's authorization for this operation is missing.", refused.json().get("message"));
    }

    @Test
    void theAgentListensOnLoopbackOnly() {
        assertTrue(agent.transport.address().getAddress().isLoopbackAddress());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalize(Object value) {
        return (Map<String, Object>) value;
    }
}
