package tw.fine.ra.card.protocol.ticket;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed vectors are the contract with the server side: they must keep verifying. */
class TestVectorTest {

    private final Map<String, Object> vector = load();

    @Test
    void theVectorTicketVerifiesWithItsPinnedKeyAndYieldsTheExpectedClaims() throws Exception {
        Map<String, Object> expected = JSONObjectUtils.getJSONObject(vector, "expected");
        TicketVerifier verifier = new TicketVerifier(publicKey(), clockAt("verifyAt"),
                new ReplayGuard(Instant.parse((String) expected.get("iat"))));
        CommandTicket ticket = verifier.verify(string("ticket"), new Expectation(Operation.SIGN_CHALLENGE,
                (String) expected.get("origin"), (String) expected.get("card"), string("parametersHash")));
        assertEquals(expected.get("jti"), ticket.nonce());
        assertEquals(Instant.parse((String) expected.get("iat")), ticket.issuedAt());
        assertEquals(Instant.parse((String) expected.get("exp")), ticket.expiresAt());
    }

    @Test
    void theParametersHashIsTheDocumentedCanonicalForm() throws Exception {
        Map<String, Object> parameters = JSONObjectUtils.getJSONObject(vector, "parameters");
        Map<String, String> strings = new java.util.HashMap<>();
        parameters.forEach((k, v) -> strings.put(k, (String) v));
        assertEquals(string("parametersHash"), Parameters.hash(strings));
        byte[] canonical = string("canonicalParameters").getBytes(StandardCharsets.UTF_8);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical);
        assertEquals(string("parametersHash"), Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    @Test
    void aTicketSignedWithTheVectorPrivateKeyVerifiesWithTheVectorPublicKey() throws Exception {
        ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(string("ticketPrivateKeyPkcs8Base64"))));
        Instant now = Instant.parse(string("verifyAt"));
        String ticket = new TicketSigner(privateKey, "vector").issue(Operation.RESET_PIN, "https://a.example", "AB".repeat(16),
                "h", now, Duration.ofMinutes(2));
        new TicketVerifier(publicKey(), Clock.fixed(now, ZoneOffset.UTC), new ReplayGuard(now))
                .verify(ticket, new Expectation(Operation.RESET_PIN, "https://a.example", "AB".repeat(16), "h"));
    }

    @Test
    void theDiversifiedKeysMatchTheVector() {
        HexFormat hex = HexFormat.of();
        CardKeyDiversification kdf = new CardKeyDiversification(hex.parseHex(string("masterKeyHex")));
        byte[] guid = hex.parseHex(string("cardGuidHex"));
        assertEquals(string("managementKeyHex"), hex.formatHex(kdf.managementKey(guid)));
        assertEquals(string("pukAscii"), new String(kdf.puk(guid), StandardCharsets.US_ASCII));
    }

    private ECPublicKey publicKey() {
        return TicketKeys.fromPem(string("ticketPublicKeyPem"));
    }

    private Clock clockAt(String field) {
        return Clock.fixed(Instant.parse(string(field)), ZoneOffset.UTC);
    }

    private String string(String field) {
        return (String) vector.get(field);
    }

    private static Map<String, Object> load() {
        try {
            return JSONObjectUtils.parse(Files.readString(Path.of("test-vectors/command-ticket-v1.json")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
