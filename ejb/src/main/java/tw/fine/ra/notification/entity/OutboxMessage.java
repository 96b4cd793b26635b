package tw.fine.ra.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** One mail waiting in, or delivered from, the outbox. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String recipient;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_error")
    private String lastError;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    public OutboxMessage(String recipient, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = OutboxStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Waiting, and its back-off (if any) is over. */
    public boolean isDueAt(Instant now) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    public void delivered(Instant at) {
        if (!status.canMoveTo(OutboxStatus.SENT)) {
            throw new IllegalStateException("message " + id + " is already " + status);
        }
        status = OutboxStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: try again after a delay that grows with the attempts, capped. */
    public void failed(Instant at, String error, Duration baseDelay) {
        attempts++;
        long factor = Math.min(1L << Math.min(attempts - 1, 6), 64);
        nextAttemptAt = at.plus(baseDelay.multipliedBy(factor).compareTo(Duration.ofHours(1)) > 0
                ? Duration.ofHours(1) : baseDelay.multipliedBy(factor));
        lastError = error == null ? "-" : error.length() > 500 ? error.substring(0, 500) : error;
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public OutboxStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
}
