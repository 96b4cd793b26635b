package tw.fine.ra.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain. Appenders lock this single row, which orders them. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    public AuditRecord append(java.time.Instant at, Actor who, AuditEvent event, Outcome outcome,
            String subject, String detail) {
        AuditRecord next = new AuditRecord(lastSeq, lastHash, at, who, event, outcome, subject, detail);
        lastSeq = next.getSeq();
        lastHash = next.getHash();
        return next;
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }
}
