package tw.fine.ra.audit.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * An audit row as it is stored, every column read as plain text: a row whose event or outcome
 * was overwritten with any text can still be listed, exported and checked, where loading it as an
 * {@link AuditRecord} would fail on the enum.
 */
public record AuditEntry(long seq, Instant recordedAt, String actor, String actorRole, String clientAddress,
        String event, String outcome, String subject, String detail, String prevHash, String hash)
        implements Serializable {

    /**
     * True when the stored hash matches the stored fields. The time is hashed in milliseconds,
     * so a finer time than was written counts as an edit too.
     */
    public boolean isIntact() {
        return hash.equals(AuditRecord.hashOf(seq, recordedAt, actor, actorRole, clientAddress, event, outcome,
                subject, detail, prevHash)) && recordedAt.getNano() % 1_000_000 == 0;
    }

    // JavaBean getters: Jakarta EL 5 does not see record components as properties
    public long getSeq() { return seq; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getActor() { return actor; }
    public String getActorRole() { return actorRole; }
    public String getClientAddress() { return clientAddress; }
    public String getEvent() { return event; }
    public String getOutcome() { return outcome; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
}
