package tw.fine.ra.ca.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import tw.fine.ra.ca.entity.CertificateStatusChanged;

/**
 * Publishes a new CRL seconds after a revocation, hold or release commits. A burst of changes
 * yields one or two CRLs, not one per change: while a refresh is pending, further changes join it.
 * Publications on this node run one at a time, so two never claim the same CRL number.
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

    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object publishing = new Object();

    public void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        if (pending.compareAndSet(false, true)) {
            context.getBusinessObject(CrlRefresh.class).refresh();
        }
    }

    @Asynchronous
    public void refresh() {
        synchronized (publishing) {
            // cleared before reading the database, so a change committed meanwhile schedules another run
            pending.set(false);
            publication.publishCrl();
        }
    }

    /** For the schedule: publish now, in turn with refreshes. */
    public void publishNow() {
        synchronized (publishing) {
            publication.publishCrl();
        }
    }
}
