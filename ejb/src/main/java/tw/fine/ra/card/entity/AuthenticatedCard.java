package tw.fine.ra.card.entity;

import java.time.Instant;

/**
 * The card proved its management key to the server (卡片驗證): until {@code validUntil} the server
 * issues tickets for the administrative steps (key generation, certificate writing, PIN reset) on it.
 */
public record AuthenticatedCard(String cardGuid, Instant authenticatedAt, Instant validUntil) {
}
