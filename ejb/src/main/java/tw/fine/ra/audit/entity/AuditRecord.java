package tw.fine.ra.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** One link of the audit chain. Immutable once written. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long seq;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(nullable = false)
    private String actor;
    @Column(name = "actor_role", nullable = false)
    private String actorRole;
    @Column(name = "client_address", nullable = false)
    private String clientAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditEvent event;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String detail;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditRecord() {
    }

    /** The record that follows the one numbered {@code prevSeq} whose hash is {@code prevHash}. */
    public AuditRecord(long prevSeq, String prevHash, Instant at, Actor who, AuditEvent event,
            Outcome outcome, String subject, String detail) {
        this.seq = prevSeq + 1;
        // stored precision: what is hashed must be what the database gives back
        this.recordedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.actor = who.name();
        this.actorRole = who.role();
        this.clientAddress = who.clientAddress();
        this.event = event;
        this.outcome = outcome;
        this.subject = clip(subject, 100);
        this.detail = clip(detail, 1000);
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    public String computeHash() {
        return hashOf(seq, recordedAt, actor, actorRole, clientAddress, event.name(), outcome.name(), subject, detail,
                prevHash);
    }

    /**
     * SHA-256 over every column but the hash itself, each length-prefixed so text cannot move
     * from one field to the next; the time counts in milliseconds, the precision it is written with.
     * Takes the stored text, so that rows read back raw (see {@link AuditEntry}) hash the same way.
     */
    static String hashOf(long seq, Instant recordedAt, String actor, String actorRole, String clientAddress,
            String event, String outcome, String subject, String detail, String prevHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {Long.toString(seq), Long.toString(recordedAt.toEpochMilli()),
                    actor, actorRole, clientAddress, event, outcome, subject, detail, prevHash}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when this record is intact and follows a record with the given hash. */
    public boolean linksTo(String expectedPrevHash) {
        return prevHash.equals(expectedPrevHash) && hash.equals(computeHash());
    }

    private static String clip(String s, int max) {
        String v = s == null || s.isEmpty() ? "-" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }

    public long getSeq() { return seq; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getActor() { return actor; }
    public String getActorRole() { return actorRole; }
    public String getClientAddress() { return clientAddress; }
    public AuditEvent getEvent() { return event; }
    public Outcome getOutcome() { return outcome; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
}
