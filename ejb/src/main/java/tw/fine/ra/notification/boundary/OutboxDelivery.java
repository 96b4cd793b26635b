package tw.fine.ra.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import tw.fine.ra.notification.control.MessageDelivery;
import tw.fine.ra.notification.entity.OutboxStatus;

/**
 * Sends what the outbox holds. Runs outside any transaction so that each message gets its own:
 * one message's SMTP failure or rollback never undoes another's "sent".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDelivery {

    /** Bounds one run, so a long backlog cannot hold a timer thread for minutes. */
    static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageDelivery delivery;

    @Inject
    Clock clock;

    /** @return how many messages this call delivered */
    public int deliverDue() {
        int sent = 0;
        for (Long id : dueIds()) {
            if (delivery.attempt(id)) {
                sent++;
            }
        }
        return sent;
    }

    private List<Long> dueIds() {
        return em.createQuery("select m.id from OutboxMessage m where m.status = :pending"
                        + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id", Long.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH)
                .getResultList();
    }
}
