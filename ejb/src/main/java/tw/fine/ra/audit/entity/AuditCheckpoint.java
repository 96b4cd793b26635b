package tw.fine.ra.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed checkpoint as the database keeps it, beside the copy outside it (ADR 0009). The table
 * alone proves nothing against someone who can write to the database; the verification compares it
 * with the copy outside.
 */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long seq;
    @Column(nullable = false)
    private String hash;
    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;
    @Column(name = "key_id", nullable = false)
    private String keyId;
    @Column(nullable = false)
    private String signature;

    protected AuditCheckpoint() {
    }

    public AuditCheckpoint(Checkpoint checkpoint) {
        this.seq = checkpoint.seq();
        this.hash = checkpoint.hash();
        this.signedAt = checkpoint.signedAt();
        this.keyId = checkpoint.keyId();
        this.signature = checkpoint.signature();
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(seq, hash, signedAt, keyId, signature);
    }
}
