package tw.fine.ra.ca.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.fine.ra.ca.control.OcspResponder;

/**
 * A second after each poll, this node's OCSP responder drops the responses of certificates whose
 * status another node changed (a change on this node drops them when it commits). Each poll arms
 * the next, so a slow one (at start, or on a busy machine) is never overlapped. Non-persistent: a
 * poll missed while the server was down has nothing to catch up, its cache started empty. A failing
 * poll (the database away) is logged when it starts failing and when it works again, not every second.
 */
@Singleton
@Startup
public class OcspChanges {

    private static final long EVERY_MILLIS = 1_000;

    private static final Logger LOG = Logger.getLogger(OcspChanges.class.getName());

    @Resource
    TimerService timers;

    @Inject
    OcspResponder responder;

    private boolean failing;

    @PostConstruct
    void start() {
        next();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            responder.pollChanges();
            if (failing) {
                LOG.info("OCSP change poll works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "OCSP change poll failed; status changes on other nodes are not seen"
                        + " until it works again", e);
                failing = true;
            }
        } finally {
            next();
        }
    }

    private void next() {
        try {
            timers.createSingleActionTimer(EVERY_MILLIS, new TimerConfig("fine-ocsp-changes", false));
        } catch (IllegalStateException | EJBException e) {
            // the application is stopping: there is no next poll to arm
            LOG.fine(() -> "OCSP change poll not re-armed: " + e);
        }
    }
}
