package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import tw.fine.ra.ca.entity.PublishedCrl;

/**
 * The root CRL the offline ceremony signs (ADR 0010): taken from the ceremony folder into the
 * database once its signature is checked and its number is above the latest there, so every node
 * serves the same bytes. The server cannot sign it; it serves the latest it has.
 */
@Dependent
public class RootCrls {

    private static final Logger LOG = Logger.getLogger(RootCrls.class.getName());

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    public Optional<PublishedCrl> latest() {
        return em.createNamedQuery(PublishedCrl.LATEST, PublishedCrl.class).setParameter("issuer", issuerDn())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The ceremony folder's root CRL, stored when it is newer than the latest stored; empty otherwise. */
    public Optional<PublishedCrl> importNewer() {
        Optional<byte[]> der = keys.ceremonyFolder().rootCrlDer();
        if (der.isEmpty()) {
            return Optional.empty();
        }
        SignedCrl crl;
        try {
            crl = SignedCrl.verified(der.get(), keys.ca().root());
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> keys.ceremonyFolder().rootCrl() + " is not taken: " + e.getMessage());
            return Optional.empty();
        }
        if (latest().map(stored -> stored.crlNumber().compareTo(crl.number()) >= 0).orElse(false)) {
            return Optional.empty();
        }
        PublishedCrl stored = new PublishedCrl(issuerDn(), crl.number().longValueExact(), crl.thisUpdate(),
                crl.nextUpdate(), crl.entries().size(), crl.der());
        em.persist(stored);
        LOG.info(() -> "root CRL number " + crl.number() + " taken from the ceremony folder, next update "
                + crl.nextUpdate());
        return Optional.of(stored);
    }

    private String issuerDn() {
        return keys.ca().root().getSubjectX500Principal().getName();
    }
}
