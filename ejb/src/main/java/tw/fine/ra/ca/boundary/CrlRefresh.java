package tw.fine.ra.ca.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.fine.ra.ca.entity.CertificateStatusChanged;

/**
 * Publishes a new CRL seconds after a revocation, hold or release commits, or when a relying party
 * finds the stored one past its nextUpdate. A burst of requests yields one or two CRLs, not one per
 * request: while a refresh is pending, further requests join it. Publications on this node run one
 * at a time; across nodes the CRL counter's row lock orders them. A failed one is logged and tried
 * again {@link #RETRY} later.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no transaction here: each publication commits inside the lock, before the next one reads the latest number
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrlRefresh {

    @Inject
    Publication publication;

    @Resource
    SessionContext context;

    private static final Logger LOG = Logger.getLogger(CrlRefresh.class.getName());
    static final Duration RETRY = Duration.ofSeconds(30);

    @Resource
    TimerService timers;

    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object publishing = new Object();

    public void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        request();
    }

    /** A new CRL soon, apart from the caller; joins a refresh that is pending already. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            context.getBusinessObject(CrlRefresh.class).refresh();
        }
    }

    @Asynchronous
    public void refresh() {
        synchronized (publishing) {
            // cleared before reading the database, so a change committed meanwhile schedules another run
            pending.set(false);
            publishOrRetry();
        }
    }

    /** For the schedule: publish now, in turn with refreshes. */
    public void publishNow() {
        synchronized (publishing) {
            publishOrRetry();
        }
    }

    /** A publication that fails (the database away, another node's first CRL at the same moment) is tried again. */
    private void publishOrRetry() {
        try {
            publication.publishCrl();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CRL publication failed; trying again in " + RETRY.toSeconds() + " s", e);
            timers.createSingleActionTimer(RETRY.toMillis(), new TimerConfig("fine-ca-crl-retry", false));
        }
    }

    @Timeout
    void retry() {
        request();
    }
}
