package tw.fine.ra.card.entity;

import java.time.Instant;

/**
 * The server's answer to a card's witness, for the agent's {@code admin-answer}: the decrypted
 * witness and the server's own challenge (both random blocks the card made or will encrypt; neither
 * reveals the card's key). {@code id} names the authentication when the card's response comes back.
 */
public record AdminChallenge(String id, byte[] witness, byte[] challenge, Instant expiresAt) {
}
