package tw.fine.ra.card.protocol.ticket;

import java.time.Instant;

/**
 * What a ticket authorizes. {@code cardGuid} is the card's CHUID GUID in upper-case hex;
 * {@code parametersHash} is {@link Parameters#hash} of the request parameters; {@code nonce}
 * makes it single-use.
 */
public record CommandTicket(Operation operation, String origin, String cardGuid, String parametersHash,
                            String nonce, Instant issuedAt, Instant expiresAt) {

    /** Claim names, part of the format (see docs/adr/0001). */
    static final String OPERATION = "op";
    static final String ORIGIN = "origin";
    static final String CARD = "card";
    static final String PARAMETERS = "params";
    /** JOSE "typ" header value: explicit typing keeps other JWTs of the RA from passing as tickets. */
    public static final String TYPE = "fine-card-ticket+jwt";
}
