package tw.fine.ra.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A nonce the server gave a subscriber for the card's proof of possession when resuming (or, with
 * the page's origin, before a certificate download writes to the card). It is
 * kept server-side (any node of a cluster can check it), answers for one subscriber and one
 * origin, expires soon and is spent by the first attempt, right or wrong.
 */
@Entity
@Table(name = "certificate_resume_challenge")
public class ResumeChallenge {

    @Id
    @Column(name = "nonce", nullable = false)
    private String nonce;

    @Column(name = "subscriber_id", nullable = false)
    private String subscriberId;

    @Column(name = "origin", nullable = false)
    private String origin;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "spent_at")
    private Instant spentAt;

    protected ResumeChallenge() {
    }

    public ResumeChallenge(String nonce, String subscriberId, String origin, Instant issuedAt, Instant expiresAt) {
        this.nonce = nonce;
        this.subscriberId = subscriberId;
        this.origin = origin;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Spends the nonce; true only on its first use, by its subscriber, before it expires. Any
     * attempt spends it, so a wrong answer cannot be retried with the same nonce.
     */
    public boolean spend(String subscriber, Instant now) {
        boolean fresh = spentAt == null && now.isBefore(expiresAt);
        if (spentAt == null) {
            spentAt = now;
        }
        return fresh && subscriberId.equals(subscriber);
    }

    /**
     * Whether the subscriber spent this nonce no earlier than {@code since}: a step that follows a
     * proof checks the proof was made with a nonce just spent, without spending anything again.
     */
    public boolean spentBy(String subscriber, Instant since) {
        return spentAt != null && !spentAt.isBefore(since) && subscriberId.equals(subscriber);
    }

    public String nonce() {
        return nonce;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public String origin() {
        return origin;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant spentAt() {
        return spentAt;
    }
}
