package tw.fine.ra.ca.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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
 * Publishes a delta CRL seconds after a revocation, hold or release commits, a full CRL (and a delta
 * on it) when the schedule asks or a relying party finds the stored full CRL past its nextUpdate, a
 * delta when one finds the delta past its own. A burst of requests yields one or two CRLs of a kind,
 * not one per request: while a refresh is pending, further requests join it. Publications on this
 * node run one at a time; across nodes the CRL counter's row lock orders them. A failed one is
 * logged and tried again {@link #RETRY} later.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no transaction here: each publication commits inside the lock, before the next one reads the latest number
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrlRefresh {

    /** What a refresh publishes. */
    public enum Kind {
        /** A full CRL, then a delta CRL on it, so the delta served names the newest base. */
        FULL,
        DELTA
    }

    @Inject
    Publication publication;

    @Resource
    SessionContext context;

    private static final Logger LOG = Logger.getLogger(CrlRefresh.class.getName());
    static final Duration RETRY = Duration.ofSeconds(30);

    @Resource
    TimerService timers;

    private final AtomicBoolean fullPending = new AtomicBoolean();
    private final AtomicBoolean deltaPending = new AtomicBoolean();
    private final Object publishing = new Object();

    public void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        requestDelta();
    }

    /** A new full CRL soon, apart from the caller; joins a refresh that is pending already. */
    public void request() {
        if (fullPending.compareAndSet(false, true)) {
            context.getBusinessObject(CrlRefresh.class).refresh(Kind.FULL);
        }
    }

    /** A new delta CRL soon, apart from the caller; joins a refresh that is pending already. */
    public void requestDelta() {
        if (deltaPending.compareAndSet(false, true)) {
            context.getBusinessObject(CrlRefresh.class).refresh(Kind.DELTA);
        }
    }

    @Asynchronous
    public void refresh(Kind kind) {
        synchronized (publishing) {
            // cleared before reading the database, so a change committed meanwhile schedules another run
            (kind == Kind.FULL ? fullPending : deltaPending).set(false);
            publishOrRetry(kind);
        }
    }

    /** For the schedule: publish now, in turn with refreshes. */
    public void publishNow(Kind kind) {
        synchronized (publishing) {
            publishOrRetry(kind);
        }
    }

    /** A publication that fails (the database away, another node's first CRL at the same moment) is tried again. */
    private void publishOrRetry(Kind kind) {
        Kind publishing = kind;
        try {
            if (kind == Kind.FULL) {
                publication.publishCrl();
                publishing = Kind.DELTA;
            }
            publication.publishDeltaCrl();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, (publishing == Kind.FULL ? "CRL" : "Delta CRL") + " publication failed; trying again in "
                    + RETRY.toSeconds() + " s", e);
            timers.createSingleActionTimer(RETRY.toMillis(), new TimerConfig(publishing, false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (timer.getInfo() == Kind.FULL) {
            request();
        } else {
            requestDelta();
        }
    }
}
