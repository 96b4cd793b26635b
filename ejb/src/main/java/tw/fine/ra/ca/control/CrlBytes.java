package tw.fine.ra.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import tw.fine.ra.ca.entity.PublishedCrl;

/**
 * The bytes of the CRL this node serves, decoded from the database once per CRL, not once per
 * request: at 100,000 entries the stored text is megabytes.
 */
@ApplicationScoped
public class CrlBytes {

    private record Decoded(long id, byte[] der) {
    }

    private volatile Decoded served;

    /** The DER of {@code crl}; the caller only writes it out, never changes it. */
    public byte[] of(PublishedCrl crl) {
        Decoded current = served;
        if (current == null || current.id() != crl.id()) {
            current = new Decoded(crl.id(), crl.der());
            served = current;
        }
        return current.der();
    }
}
