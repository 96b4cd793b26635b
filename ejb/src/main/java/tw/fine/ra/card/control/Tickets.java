package tw.fine.ra.card.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tw.fine.ra.ca.entity.TicketSigningKey;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketSigner;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

/**
 * Signs command tickets with the RA's ticket key (ADR 0001, format of {@code card-protocol}). The
 * key id is the SHA-256 fingerprint of the public key, the value the agent's status shows.
 */
public final class Tickets {

    private Tickets() {
    }

    /** A ticket for one operation on one card from one origin, valid for {@code lifetime} (at most what agents accept). */
    public static IssuedTicket issue(TicketSigningKey key, Operation operation, String origin, String cardGuid,
            Map<String, String> parameters, Instant now, Duration lifetime) {
        if (lifetime.compareTo(TicketVerifier.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("tickets live " + TicketVerifier.MAX_LIFETIME + " at most");
        }
        String ticket = new TicketSigner(key.privateKey(), key.provider(), TicketKeys.fingerprint(key.publicKey()))
                .issue(operation, origin, cardGuid, Parameters.hash(parameters), now, lifetime);
        return new IssuedTicket(ticket, operation.wireName(), cardGuid, now.plus(lifetime));
    }

    /** The public key as agents pin it ({@code --ticket-key}). */
    public static String publicKeyPem(TicketSigningKey key) {
        return TicketKeys.toPem(key.publicKey());
    }
}
