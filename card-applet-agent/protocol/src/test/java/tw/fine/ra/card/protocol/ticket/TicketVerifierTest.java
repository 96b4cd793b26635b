package tw.fine.ra.card.protocol.ticket;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String ORIGIN = "https://ra.fine.example:8443";
    private static final String GUID = "00112233445566778899AABBCCDDEEFF";
    private static final String PARAMS = Parameters.hash(Map.of("slot", "9A", "algorithm", "RSA_2048"));
    private static final Expectation EXPECTED = new Expectation(Operation.GENERATE_KEY, ORIGIN, GUID, PARAMS);

    private final KeyPair ra = p256();
    private final TicketSigner signer = new TicketSigner((ECPrivateKey) ra.getPrivate(), "test");
    /** The agent has been running for an hour. */
    private final TicketVerifier verifier = agentStartedAt(NOW.minus(Duration.ofHours(1)), NOW);

    @Test
    void aTicketBoundToWhatTheAgentSeesIsAccepted() throws Exception {
        CommandTicket ticket = verifier.verify(issue(NOW, Duration.ofMinutes(3)), EXPECTED);
        assertEquals(Operation.GENERATE_KEY, ticket.operation());
    }

    @Test
    void aKeyStoreHeldKeySignsThroughItsProviderAndVerifies() throws Exception {
        TicketSigner held = new TicketSigner(ra.getPrivate(), java.security.Security.getProvider("SunEC"), "held");
        String ticket = held.issue(Operation.GENERATE_KEY, ORIGIN, GUID, PARAMS, NOW, Duration.ofMinutes(3));
        assertEquals(GUID, verifier.verify(ticket, EXPECTED).cardGuid());
    }

    @Test
    void noTicketIsMissing() {
        assertRefused(Refusal.TICKET_MISSING, "");
    }

    @Test
    void garbageIsMalformed() {
        assertRefused(Refusal.TICKET_MALFORMED, "not.a.jws");
    }

    @Test
    void aTicketSignedByAnotherKeyHasABadSignature() {
        String foreign = new TicketSigner((ECPrivateKey) p256().getPrivate(), "x")
                .issue(Operation.GENERATE_KEY, ORIGIN, GUID, PARAMS, NOW, Duration.ofMinutes(3));
        assertRefused(Refusal.TICKET_BAD_SIGNATURE, foreign);
    }

    @Test
    void aTamperedPayloadHasABadSignature() {
        String[] parts = issue(NOW, Duration.ofMinutes(3)).split("\\.");
        String otherPayload = issue(NOW, Duration.ofMinutes(4)).split("\\.")[1];
        assertRefused(Refusal.TICKET_BAD_SIGNATURE, parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void anHmacTicketIsTheWrongAlgorithm() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().claim("op", "generate-key").build());
        jwt.sign(new MACSigner(new byte[32]));
        assertRefused(Refusal.TICKET_WRONG_ALGORITHM, jwt.serialize());
    }

    @Test
    void anUnsignedTicketIsMalformed() {
        String[] parts = issue(NOW, Duration.ofMinutes(3)).split("\\.");
        assertRefused(Refusal.TICKET_MALFORMED, "eyJhbGciOiJub25lIn0." + parts[1] + ".");
    }

    @Test
    void anExpiredTicketIsRefused() {
        assertRefused(Refusal.TICKET_EXPIRED, issue(NOW.minusSeconds(300), Duration.ofMinutes(4)));
    }

    @Test
    void aTicketWithinTheClockSkewIsStillAccepted() throws Exception {
        verifier.verify(issue(NOW.minusSeconds(200), Duration.ofSeconds(180)), EXPECTED);
    }

    @Test
    void aTicketFromTheFutureIsNotYetValid() {
        assertRefused(Refusal.TICKET_NOT_YET_VALID, issue(NOW.plusSeconds(120), Duration.ofMinutes(3)));
    }

    @Test
    void aTicketValidForAnHourIsRefused() {
        assertRefused(Refusal.TICKET_LIFETIME_TOO_LONG, issue(NOW, Duration.ofHours(1)));
    }

    @Test
    void aTicketWorksOnlyOnce() throws Exception {
        String ticket = issue(NOW, Duration.ofMinutes(3));
        verifier.verify(ticket, EXPECTED);
        assertRefused(Refusal.TICKET_REPLAYED, ticket);
    }

    @Test
    void aTicketAcceptedBeforeTheAgentRestartedIsRefusedAfterIt() throws Exception {
        String ticket = issue(NOW.minusSeconds(60), Duration.ofMinutes(5));
        agentStartedAt(NOW.minus(Duration.ofHours(1)), NOW.minusSeconds(50)).verify(ticket, EXPECTED);
        TicketVerifier restarted = agentStartedAt(NOW.minusSeconds(10), NOW);
        TicketRefusedException e = assertThrows(TicketRefusedException.class, () -> restarted.verify(ticket, EXPECTED));
        assertEquals(Refusal.TICKET_ISSUED_BEFORE_START, e.refusal(), e.getMessage());
    }

    @Test
    void aTicketIssuedInTheSecondTheAgentStartedIsRefusedAndTheNextSecondsAreAccepted() throws Exception {
        Instant start = NOW.minusMillis(1_700);
        TicketVerifier agent = agentStartedAt(start, NOW);
        // iat is whole seconds: this ticket may have been issued before the start within that second
        String early = issue(NOW.minusSeconds(2), Duration.ofMinutes(3));
        TicketRefusedException e = assertThrows(TicketRefusedException.class, () -> agent.verify(early, EXPECTED));
        assertEquals(Refusal.TICKET_ISSUED_BEFORE_START, e.refusal(), e.getMessage());
        agent.verify(issue(NOW.minusSeconds(1), Duration.ofMinutes(3)), EXPECTED);
    }

    @Test
    void theHorizonIsTheNextWholeSecondOfTheStart() {
        assertEquals(NOW.plusSeconds(1), ReplayGuard.horizonAfter(NOW.plusMillis(1)));
        assertEquals(NOW.plusSeconds(1), ReplayGuard.horizonAfter(NOW.plusMillis(999)));
        assertEquals(NOW, ReplayGuard.horizonAfter(NOW));
    }

    @Test
    void aTicketForAnotherOriginIsRefused() {
        assertRefused(Refusal.TICKET_WRONG_ORIGIN, signer.issue(Operation.GENERATE_KEY, "https://evil.example",
                GUID, PARAMS, NOW, Duration.ofMinutes(3)));
    }

    @Test
    void aTicketForAnotherCardIsRefused() {
        assertRefused(Refusal.TICKET_WRONG_CARD, signer.issue(Operation.GENERATE_KEY, ORIGIN,
                "FFEEDDCCBBAA99887766554433221100", PARAMS, NOW, Duration.ofMinutes(3)));
    }

    @Test
    void aTicketForAnotherOperationIsRefused() {
        assertRefused(Refusal.TICKET_WRONG_OPERATION, signer.issue(Operation.RESET_PIN, ORIGIN, GUID, PARAMS, NOW,
                Duration.ofMinutes(3)));
    }

    @Test
    void aTicketForOtherParametersIsRefused() {
        assertRefused(Refusal.TICKET_WRONG_PARAMETERS, signer.issue(Operation.GENERATE_KEY, ORIGIN, GUID,
                Parameters.hash(Map.of("slot", "9C", "algorithm", "RSA_2048")), NOW, Duration.ofMinutes(3)));
    }

    @Test
    void aRefusedTicketDoesNotSpendItsNonce() throws Exception {
        String ticket = issue(NOW, Duration.ofMinutes(3));
        Expectation otherCard = new Expectation(Operation.GENERATE_KEY, ORIGIN, "FF".repeat(16), PARAMS);
        assertThrows(TicketRefusedException.class, () -> verifier.verify(ticket, otherCard));
        verifier.verify(ticket, EXPECTED);
    }

    private String issue(Instant issuedAt, Duration lifetime) {
        return signer.issue(Operation.GENERATE_KEY, ORIGIN, GUID, PARAMS, issuedAt, lifetime);
    }

    private void assertRefused(Refusal expected, String ticket) {
        TicketRefusedException e = assertThrows(TicketRefusedException.class, () -> verifier.verify(ticket, EXPECTED));
        assertEquals(expected, e.refusal(), e.getMessage());
    }

    /** A verifier as the agent builds it at {@code start}, checking at {@code now}. */
    private TicketVerifier agentStartedAt(Instant start, Instant now) {
        return new TicketVerifier((ECPublicKey) ra.getPublic(), Clock.fixed(now, ZoneOffset.UTC),
                new ReplayGuard(ReplayGuard.horizonAfter(start)));
    }

    static KeyPair p256() {
        return TicketKeys.generate();
    }
}
