package tw.fine.ra.card.entity;

import java.time.Instant;

/** A card as pages see it; {@code personalizedBy} is the clerk's login. */
public record CardView(String guid, String subscriberId, CardStatus status, String appletVersion,
        Instant registeredAt, Instant personalizedAt, String personalizedBy) {
}
