package tw.fine.ra.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.fine.ra.ca.entity.PublishedCrl;

/**
 * The bytes of the CRLs this node serves, the latest of each issuer and kind (the issuing CA's full
 * and delta CRLs, the root's), decoded from the database once per CRL, not once per request or per
 * delta CRL built on it: at 100,000 entries the stored text is megabytes.
 */
@ApplicationScoped
public class CrlBytes {

    private record Decoded(long id, byte[] der) {
    }

    private final Map<String, Decoded> served = new ConcurrentHashMap<>();

    /** The DER of {@code crl} just signed and stored, so it is not decoded again once committed. */
    public void remember(PublishedCrl crl, byte[] der) {
        served.put(kind(crl), new Decoded(crl.id(), der));
    }

    /** The DER of {@code crl}; the caller only writes it out, never changes it. */
    public byte[] of(PublishedCrl crl) {
        Decoded current = served.get(kind(crl));
        if (current == null || current.id() != crl.id()) {
            current = new Decoded(crl.id(), crl.der());
            served.put(kind(crl), current);
        }
        return current.der();
    }

    private static String kind(PublishedCrl crl) {
        return crl.issuerDn() + (crl.isDelta() ? "#delta" : "");
    }
}
