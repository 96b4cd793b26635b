package tw.fine.ra.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.fine.ra.ca.entity.PublishedCrl;

/**
 * The bytes of the CRLs this node serves, the latest of each issuer (the issuing CA's and the
 * root's), decoded from the database once per CRL, not once per request: at 100,000 entries the
 * stored text is megabytes.
 */
@ApplicationScoped
public class CrlBytes {

    private record Decoded(long id, byte[] der) {
    }

    private final Map<String, Decoded> served = new ConcurrentHashMap<>();

    /** The DER of {@code crl}; the caller only writes it out, never changes it. */
    public byte[] of(PublishedCrl crl) {
        Decoded current = served.get(crl.issuerDn());
        if (current == null || current.id() != crl.id()) {
            current = new Decoded(crl.id(), crl.der());
            served.put(crl.issuerDn(), current);
        }
        return current.der();
    }
}
