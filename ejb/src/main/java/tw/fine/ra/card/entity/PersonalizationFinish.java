package tw.fine.ra.card.entity;

import java.util.Map;

/**
 * The card is personalized: its attestation certificate (F9, DER) for the counter to write, and the
 * ticket (with its parameters) for the agent's {@code admin-authenticate} that must precede the write.
 */
public record PersonalizationFinish(String guid, byte[] attestationCertificate,
        Map<String, String> adminAuthenticateParameters, IssuedTicket adminAuthenticateTicket) {
}
