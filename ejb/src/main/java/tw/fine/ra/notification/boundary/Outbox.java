package tw.fine.ra.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import tw.fine.ra.notification.entity.OutboxMessage;

/** Queues mail as part of the caller's transaction; delivery happens after it commits. */
@Stateless
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String recipient, String subject, String body) {
        em.persist(new OutboxMessage(recipient, subject, body, clock.instant()));
    }
}
