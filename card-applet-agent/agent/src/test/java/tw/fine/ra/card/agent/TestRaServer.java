package tw.fine.ra.card.agent;

import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketSigner;

import javax.crypto.Cipher;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
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
    private byte[] lastChallenge;

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

    byte[] managementKey(String guid) {
        return keys.managementKey(HexFormat.of().parseHex(guid));
    }

    /** Server step: decrypt the card's witness with the card's key and add our challenge. */
    Map<String, String> answerWitness(String guid, String encryptedWitness, byte[] key) {
        byte[] witness = AES.crypt(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(encryptedWitness));
        lastChallenge = new byte[16];
        new java.security.SecureRandom().nextBytes(lastChallenge);
        return Map.of("witness", Base64.getEncoder().encodeToString(witness),
                "challenge", Base64.getEncoder().encodeToString(lastChallenge));
    }

    /** Server step: the card is the registered one iff it encrypted our challenge under its key. */
    boolean cardProved(String response, byte[] key) {
        return java.util.Arrays.equals(Base64.getDecoder().decode(response), AES.crypt(Cipher.ENCRYPT_MODE, key, lastChallenge));
    }
}
