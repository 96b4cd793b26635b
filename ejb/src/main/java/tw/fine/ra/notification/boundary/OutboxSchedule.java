package tw.fine.ra.notification.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Drives the outbox. Not persistent: every node of a cluster ticks, and row locks (not the timer)
 * make sure each message is handled by one of them.
 */
@Singleton
@DependsOn("SchemaMigration")
public class OutboxSchedule {

    @EJB
    OutboxDelivery delivery;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        delivery.deliverDue();
    }
}
