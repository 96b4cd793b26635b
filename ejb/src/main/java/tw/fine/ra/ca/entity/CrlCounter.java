package tw.fine.ra.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last CRL number of an issuer. A publication holds this row write-locked from before it reads
 * the revoked certificates until it commits, so publications on every node take turns and each
 * numbers its CRL after the one before.
 */
@Entity
@Table(name = "ca_crl_counter")
public class CrlCounter {

    @Id
    @Column(name = "issuer_dn")
    private String issuerDn;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected CrlCounter() {
    }

    public CrlCounter(String issuerDn, long lastNumber) {
        this.issuerDn = issuerDn;
        this.lastNumber = lastNumber;
    }

    /** The number of the CRL being published now. */
    public long next() {
        return ++lastNumber;
    }
}
