package tw.fine.ra.card.agent;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.interop.Tool;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sign-request: a PKCS#10 request built by the agent from the card's own key and signed on the card. */
class SignRequestTest {

    private final AgentFixture agent = AgentFixture.personalizedCard();

    SignRequestTest() throws Exception {
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void theCardSignsRequestsForItsP256And2048BitRsaKeysThatOpensslAndJcaVerify() throws Exception {
        Map<String, Map<String, Object>> generated = agent.generateKeys("9C", "EC_P256", "9D", "RSA_2048");
        for (String slot : generated.keySet()) {
            Http.Response r = signRequest(slot);
            assertEquals(200, r.status(), r.body());
            byte[] der = Base64.getDecoder().decode((String) r.json().get("request"));
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(der);
            assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider()).build(request.getSubjectPublicKeyInfo())));
            assertArrayEquals(Base64.getDecoder().decode((String) generated.get(slot).get("publicKey")),
                    request.getSubjectPublicKeyInfo().getEncoded(), "the request carries the slot's key");
            assertEquals("CN=" + agent.guid, request.getSubject().toString());
            assertEquals(slot.equals("9C") ? "SHA256withECDSA" : "SHA256withRSA", r.json().get("algorithm"));
            Path file = Files.createTempFile("card", ".csr");
            Files.write(file, der);
            Tool.run("openssl", "req", "-inform", "DER", "-in", file.toString(), "-verify", "-noout").succeeded()
                    .says("verify OK");
            Files.delete(file);
        }
    }

    @Test
    void everyRequestFrom9cAsksThePinAgainAndWrongPinsCountDown() throws Exception {
        agent.generateKeys("9C", "EC_P256");
        AtomicInteger prompts = new AtomicInteger();
        agent.pins.beforeEachAnswer(prompts::incrementAndGet);
        assertEquals(200, signRequest("9C").status());
        assertEquals(200, signRequest("9C").status());
        assertEquals(2, prompts.get(), "9C needs a fresh VERIFY before each use");
        agent.pins.then("000000", "000000");
        Http.Response wrong = signRequest("9C");
        assertEquals("PIN_INCORRECT", wrong.error());
        assertEquals(2L, ((Number) wrong.json().get("triesLeft")).longValue());
        assertEquals(1L, ((Number) signRequest("9C").json().get("triesLeft")).longValue());
        Http.Response right = signRequest("9C");
        assertEquals(200, right.status(), right.body());
        assertEquals(3L, ((Number) agent.get("/v1/card").json().get("pinTriesLeft")).longValue(), "a right PIN resets the count");
    }

    @Test
    void aTicketForAnotherOperationDoesNotSignARequest() throws Exception {
        agent.generateKeys("9C", "EC_P256");
        Map<String, String> params = Map.of("slot", "9C");
        Http.Response r = agent.post("sign-request", null, params, agent.ra.ticket(Operation.SIGN_CHALLENGE, agent.guid, params));
        assertEquals("TICKET_WRONG_OPERATION", r.error());
        Http.Response other = agent.post("sign-request", null, params,
                agent.ra.ticket(Operation.SIGN_REQUEST, "00".repeat(16), params));
        assertEquals("TICKET_WRONG_CARD", other.error());
    }

    @Test
    void onlyAKeyTheCardHoldsInAPageSlotIsRequested() throws Exception {
        assertEquals("KEY_NOT_FOUND", signRequest("9A").error());
        assertEquals("BAD_REQUEST", signRequest("F9").error());
    }

    private Http.Response signRequest(String slot) throws Exception {
        return agent.ticketed(Operation.SIGN_REQUEST, null, Map.of("slot", slot));
    }
}
