package tw.fine.ra.card.agent;

import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.protocol.keys.CardChallenge;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PersonalizationSealer;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketSigner;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Plays the RA server's part: signs tickets, holds the master key, answers the card's witness. */
public final class TestRaServer {

    public static final String ORIGIN = "https://ra.fine.test:8443";
    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    final KeyPair ticketKey = TicketKeys.generate();
    private final TicketSigner signer = new TicketSigner((ECPrivateKey) ticketKey.getPrivate(), "test");
    private final CardKeyDiversification keys = new CardKeyDiversification(SimulatedEnvironment.DEV_MASTER_KEY);
    private CardChallenge pending;

    public ECPublicKey publicKey() {
        return (ECPublicKey) ticketKey.getPublic();
    }

    public String ticket(Operation operation, String guid, Map<String, String> params) {
        return signer.issue(operation, ORIGIN, guid, Parameters.hash(params), Instant.now(), Duration.ofMinutes(3));
    }

    /** Any ticket at all, for the refusal tests. */
    String ticket(Operation operation, String origin, String guid, Map<String, String> params, Instant issuedAt,
                  Duration lifetime) {
        return signer.issue(operation, origin, guid, Parameters.hash(params), issuedAt, lifetime);
    }

    /**
     * The {@code personalize} parameters as the RA builds them: GUID, and PIN, derived PUK and
     * management key sealed to the blank card's transport key (SubjectPublicKeyInfo, base64).
     */
    Map<String, String> sealedPersonalization(String guid, String transportKey, String pin) {
        try {
            ECPublicKey transport = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(transportKey)));
            byte[] id = HexFormat.of().parseHex(guid);
            Personalization data = new Personalization(id, pin.toCharArray(), keys.puk(id), AES, keys.managementKey(id),
                    KeyAlgorithm.EC_P256);
            return Map.of("guid", guid, "envelope", Base64.getEncoder().encodeToString(PersonalizationSealer.seal(transport, data)),
                    "cardAuthenticationAlgorithm", "EC_P256");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] puk(String guid) {
        return keys.puk(HexFormat.of().parseHex(guid));
    }

    byte[] managementKey(String guid) {
        return keys.managementKey(HexFormat.of().parseHex(guid));
    }

    /**
     * Server step: decrypt the card's witness with the card's key, grant two administrative commands
     * as the RA does ({@code CardAuthentications.ADMIN_COMMANDS}) and add our challenge.
     */
    Map<String, String> answerWitness(String guid, String encryptedWitness, byte[] key) {
        pending = CardChallenge.answer(AES, key, Base64.getDecoder().decode(encryptedWitness), 2);
        return Map.of("witness", Base64.getEncoder().encodeToString(pending.witness()),
                "challenge", Base64.getEncoder().encodeToString(pending.challenge()));
    }

    /** Server step: the card is the registered one iff it encrypted our challenge under its key. */
    boolean cardProved(String response) {
        return pending.cardProved(Base64.getDecoder().decode(response));
    }
}
