package tw.fine.ra.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last position given to a certified RSA modulus (docs/adr/0008). An issuance holds this one
 * row write-locked from numbering its moduli until it commits, so positions follow commit order
 * and a node that reads every position above the highest it holds misses none.
 */
@Entity
@Table(name = "ca_modulus_counter")
public class ModulusCounter {

    /** The only row, made by the migration. */
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected ModulusCounter() {
    }

    /** The position of the modulus being certified now. */
    public long next() {
        return ++lastPosition;
    }

    public long last() {
        return lastPosition;
    }
}
