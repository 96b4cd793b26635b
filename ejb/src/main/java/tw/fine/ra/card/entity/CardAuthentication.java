package tw.fine.ra.card.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * One relayed management-key authentication of a card, between the server's answer to the card's
 * witness and the card's response. Kept in the database so any node of a cluster can finish it; it
 * holds only the server's challenge, which the page and agent see anyway, never a key. Single use
 * and short-lived; once proved it says until when the card counts as authenticated.
 */
@Entity
@Table(name = "card_authentication")
@NamedQuery(name = CardAuthentication.RECENT_PROOF, query = "select count(a) from CardAuthentication a"
        + " where a.cardGuid = :card and a.subscriberId = :subscriber and a.provedAt > :since")
@NamedQuery(name = CardAuthentication.PURGE, query = "delete from CardAuthentication a where a.expiresAt < :before")
public class CardAuthentication {

    public static final String RECENT_PROOF = "CardAuthentication.recentProof";
    public static final String PURGE = "CardAuthentication.purge";

    @Id
    private String id;

    @Column(name = "card_guid", nullable = false)
    private String cardGuid;

    @Column(name = "subscriber_id", nullable = false)
    private String subscriberId;

    @Column(nullable = false)
    private String challenge;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "proved_at")
    private Instant provedAt;

    protected CardAuthentication() {
    }

    public CardAuthentication(String id, String cardGuid, String subscriberId, byte[] challenge, Instant at,
            Duration lifetime) {
        this.id = id;
        this.cardGuid = cardGuid;
        this.subscriberId = subscriberId;
        this.challenge = Base64.getEncoder().encodeToString(challenge);
        this.createdAt = at;
        this.expiresAt = at.plus(lifetime);
    }

    /**
     * Takes the challenge for checking the card's response: once only, before it expires, by the
     * subscriber who began it.
     */
    public byte[] spend(String subscriber, Instant now) throws CardRefusedException {
        if (!subscriberId.equals(subscriber)) {
            throw new CardRefusedException(CardRefusedException.Reason.UNKNOWN_CHALLENGE, "authentication " + id);
        }
        if (usedAt != null) {
            throw new CardRefusedException(CardRefusedException.Reason.CHALLENGE_ALREADY_USED, "authentication " + id);
        }
        if (!now.isBefore(expiresAt)) {
            throw new CardRefusedException(CardRefusedException.Reason.CHALLENGE_EXPIRED, "authentication " + id);
        }
        usedAt = now;
        return Base64.getDecoder().decode(challenge);
    }

    public void proved(Instant at) {
        provedAt = at;
    }

    public String getId() { return id; }
    public String getCardGuid() { return cardGuid; }
    public Instant getExpiresAt() { return expiresAt; }
}
