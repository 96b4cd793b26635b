package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.core.CardProof;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscriber flows end to end through HTTP: card administration relayed to the RA, PINs, proofs. */
class AgentCardFlowTest {

    private final AgentFixture agent = AgentFixture.personalizedCard();

    AgentCardFlowTest() throws Exception {
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void theCardEndpointShowsGuidVersionTriesAndSlots() throws Exception {
        Map<String, Object> card = agent.get("/v1/card").json();
        assertEquals(true, card.get("present"));
        assertEquals(agent.guid, card.get("guid"));
        assertEquals("1.1.0", card.get("appletVersion"));
        assertEquals(3L, ((Number) card.get("pinTriesLeft")).longValue());
        assertEquals("{key=EC_P256, certificate=false}", String.valueOf(((Map<?, ?>) card.get("slots")).get("9E")));
    }

    @Test
    void applicationFlowGeneratesWritesAndProvesWithoutTheAgentSeeingTheManagementKey() throws Exception {
        String session = agent.authenticateAsServer();
        Map<String, String> generate = Map.of("slot", "9A", "algorithm", "RSA_2048");
        Http.Response generated = agent.ticketed(Operation.GENERATE_KEY, session, generate);
        assertEquals(200, generated.status(), generated.body());
        PublicKey key = publicKey("RSA", (String) generated.json().get("publicKey"));
        String certificate = Base64.getEncoder().encodeToString(new CertificateMaker().certify(key, "70759028-00-0007").getEncoded());
        Map<String, String> write = Map.of("slot", "9A", "certificate", certificate);
        assertEquals(200, agent.ticketed(Operation.WRITE_CERTIFICATE, session, write).status());
        assertEquals(200, agent.post("admin-close", session, Map.of(), null).status());
        assertEquals("{key=RSA_2048, certificate=true}",
                String.valueOf(((Map<?, ?>) agent.get("/v1/card").json().get("slots")).get("9A")));
        assertTrue(proves(key, "SHA256withRSA", "9A"));
        assertNoManagementKeyIn(agent);
    }

    @Test
    void theCardAuthenticationKeyProvesWithoutAPin() throws Exception {
        agent.pins.beforeEachAnswer(() -> {
            throw new AssertionError("9E must not ask for a PIN");
        });
        Map<String, String> params = Map.of("slot", "9E", "nonce", "bm9uY2UtOWU");
        Http.Response r = agent.ticketed(Operation.SIGN_CHALLENGE, null, params);
        assertEquals(200, r.status(), r.body());
        assertEquals("SHA256withECDSA", r.json().get("algorithm"));
    }

    @Test
    void aServerWithTheWrongKeyIsNotLetIn() throws Exception {
        Http.Response started = agent.ticketed(Operation.ADMIN_AUTHENTICATE, null, Map.of("algorithm", "AES_128"));
        String session = (String) started.json().get("session");
        Map<String, String> answer = agent.ra.answerWitness(agent.guid, (String) started.json().get("witness"), new byte[16]);
        Http.Response r = agent.post("admin-answer", session, answer, null);
        assertEquals(403, r.status());
        assertEquals("ADMIN_AUTHENTICATION_FAILED", r.error());
        assertEquals("ADMIN_SESSION_MISSING", agent.ticketed(Operation.GENERATE_KEY, session,
                Map.of("slot", "9A", "algorithm", "EC_P256")).error());
    }

    @Test
    void generationWithoutACompletedAuthenticationIsRefusedByTheCard() throws Exception {
        Http.Response started = agent.ticketed(Operation.ADMIN_AUTHENTICATE, null, Map.of("algorithm", "AES_128"));
        String session = (String) started.json().get("session");
        Http.Response r = agent.ticketed(Operation.GENERATE_KEY, session, Map.of("slot", "9A", "algorithm", "EC_P256"));
        assertEquals("ADMIN_SESSION_MISSING", r.error());
    }

    @Test
    void otherCardWorkWaitsWhileAnAuthenticationIsOpen() throws Exception {
        agent.authenticateAsServer();
        assertEquals("CARD_BUSY", agent.get("/v1/card").error());
        assertEquals("CARD_BUSY", agent.ticketed(Operation.SIGN_CHALLENGE, null, Map.of("slot", "9E", "nonce", "n")).error());
    }

    @Test
    void anAbandonedAuthenticationExpiresAndFreesTheCard() throws Exception {
        String session = agent.authenticateAsServer();
        agent.clock.advance(java.time.Duration.ofMinutes(3));
        assertEquals(true, agent.get("/v1/card").json().get("present"));
        assertEquals("ADMIN_SESSION_MISSING", agent.ticketed(Operation.GENERATE_KEY, session,
                Map.of("slot", "9A", "algorithm", "EC_P256")).error());
    }

    @Test
    void wrongPinsCountDownThenBlockAndTheServerAuthorizedResetRestores() throws Exception {
        String session = agent.authenticateAsServer();
        agent.ticketed(Operation.GENERATE_KEY, session, Map.of("slot", "9C", "algorithm", "EC_P256"));
        agent.post("admin-close", session, Map.of(), null);
        agent.pins.then("000000", "000000", "000000");
        assertEquals("PIN_INCORRECT 2", pinFailure(sign("9C", "a")));
        assertEquals("PIN_INCORRECT 1", pinFailure(sign("9C", "b")));
        assertEquals("PIN_BLOCKED 0", pinFailure(sign("9C", "c")));

        String reset = agent.authenticateAsServer();
        agent.pins.then("24681357");
        Http.Response r = agent.ticketed(Operation.RESET_PIN, reset, Map.of());
        assertEquals(200, r.status(), r.body());
        agent.pins.then("24681357");
        assertEquals(200, sign("9C", "d").status());
        assertNoManagementKeyIn(agent);
    }

    @Test
    void afterAPinChangeInTheAgentDialogTheOldPinIsRefusedAndTheNewOneSigns() throws Exception {
        agent.pins.then("123456", "86427531");
        assertEquals(200, agent.ticketed(Operation.CHANGE_PIN, null, Map.of()).status());
        agent.pins.then("123456");
        assertEquals("PIN_INCORRECT", sign9aWithFreshKey().error(), "the old PIN");
        agent.pins.then("86427531");
        Http.Response signed = sign("9A", "after-change");
        assertEquals(200, signed.status(), () -> "the new PIN: " + signed.body());
    }

    @Test
    void aCardPulledWhileThePinIsTypedEndsInCardRemoved() throws Exception {
        agent.pins.beforeEachAnswer(agent.card::removeCard);
        long start = System.nanoTime();
        Http.Response r = agent.ticketed(Operation.CHANGE_PIN, null, Map.of());
        assertEquals(409, r.status(), r.body());
        assertEquals("CARD_REMOVED", r.error());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a clear error, not a hang");
        assertFalse((Boolean) agent.get("/v1/card").json().get("present"));
    }

    @Test
    void aCardPulledDuringAnAdministrativeSessionEndsInCardRemovedAndEndsTheSession() throws Exception {
        String session = agent.authenticateAsServer();
        agent.card.removeCard();
        Http.Response r = agent.ticketed(Operation.GENERATE_KEY, session, Map.of("slot", "9A", "algorithm", "EC_P256"));
        assertEquals("CARD_REMOVED", r.error(), r.body());
        assertEquals(false, agent.get("/v1/card").json().get("present"), "the agent is no longer busy with that card");
        assertEquals("ADMIN_SESSION_MISSING", agent.ticketed(Operation.GENERATE_KEY, session,
                Map.of("slot", "9A", "algorithm", "EC_P256")).error());
    }

    @Test
    void onlyACertificateIsWrittenToTheCard() throws Exception {
        String session = agent.authenticateAsServer();
        Map<String, String> params = Map.of("slot", "9A", "certificate", Base64.getEncoder().encodeToString(new byte[64]));
        assertEquals("BAD_REQUEST", agent.ticketed(Operation.WRITE_CERTIFICATE, session, params).error());
    }

    @Test
    void proofsComeFromSlotsThatHoldAKey() throws Exception {
        assertEquals("KEY_NOT_FOUND", sign("9D", "n").error());
        assertEquals("KEY_NOT_FOUND", sign("9A", "n").error());
    }

    @Test
    void theKeyManagementKeyProvesPossessionForCertificateDownload() throws Exception {
        Map<String, Map<String, Object>> generated = agent.generateKeys("9D", "RSA_2048");
        PublicKey key = publicKey("RSA", (String) generated.get("9D").get("publicKey"));
        assertTrue(proves(key, "SHA256withRSA", "9D"));
    }

    @Test
    void personalizationIsOffOnASubscribersAgent() throws Exception {
        Http.Response r = agent.ticketed(Operation.PERSONALIZE, null, Map.of("guid", agent.guid));
        assertEquals("OPERATION_DISABLED", r.error());
    }

    private Http.Response sign9aWithFreshKey() throws Exception {
        String session = agent.authenticateAsServer();
        agent.ticketed(Operation.GENERATE_KEY, session, Map.of("slot", "9A", "algorithm", "EC_P256"));
        agent.post("admin-close", session, Map.of(), null);
        return sign("9A", "fresh");
    }

    private Http.Response sign(String slot, String nonce) throws Exception {
        return agent.ticketed(Operation.SIGN_CHALLENGE, null, Map.of("slot", slot, "nonce", nonce));
    }

    private static String pinFailure(Http.Response r) {
        return r.error() + " " + r.json().get("triesLeft");
    }

    private boolean proves(PublicKey key, String algorithm, String slot) throws Exception {
        String nonce = "c2VydmVyLW5vbmNl";
        Http.Response r = sign(slot, nonce);
        assertEquals(200, r.status(), r.body());
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(CardProof.message(TestRaServer.ORIGIN, nonce));
        return verifier.verify(Base64.getDecoder().decode((String) r.json().get("signature")));
    }

    private static PublicKey publicKey(String algorithm, String base64) throws Exception {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** The agent relays random blocks only: neither the key nor the PUK appear in any form. */
    private static void assertNoManagementKeyIn(AgentFixture agent) {
        byte[] key = agent.ra.managementKey(agent.guid);
        String[] forms = {HexFormat.of().formatHex(key), HexFormat.of().withUpperCase().formatHex(key),
            Base64.getEncoder().encodeToString(key), Base64.getUrlEncoder().withoutPadding().encodeToString(key)};
        for (String traffic : agent.traffic) {
            for (String form : forms) {
                assertFalse(traffic.contains(form), "management key leaked: " + traffic);
            }
        }
        assertFalse(agent.traffic.isEmpty());
    }
}
