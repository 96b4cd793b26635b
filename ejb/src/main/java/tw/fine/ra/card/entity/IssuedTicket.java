package tw.fine.ra.card.entity;

import java.time.Instant;

/** A command ticket for the agent (JWS compact serialization, ADR 0001) and when it expires. */
public record IssuedTicket(String ticket, String operation, String cardGuid, Instant expiresAt) {
}
