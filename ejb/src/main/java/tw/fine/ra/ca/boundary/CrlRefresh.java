package tw.fine.ra.ca.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes a new CRL seconds after a revocation, hold or release commits. A burst of changes
 * yields one or two CRLs, not one per change: while a refresh is pending, further changes join it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CrlRefresh {

    @Inject
    Publication publication;

    @Resource
    SessionContext context;

    private final AtomicBoolean pending = new AtomicBoolean();

    public void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        if (pending.compareAndSet(false, true)) {
            context.getBusinessObject(CrlRefresh.class).refresh();
        }
    }

    @Asynchronous
    public void refresh() {
        // cleared before reading the database, so a change committed meanwhile schedules another run
        pending.set(false);
        publication.publishCrl();
    }
}
