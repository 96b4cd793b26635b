package tw.fine.ra.notification.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import tw.fine.ra.notification.entity.OutboxMessage;
import tw.fine.ra.platform.Settings;

/** One delivery attempt of one message, in a transaction of its own that holds the row lock. */
@Dependent
public class MessageDelivery {

    private static final Logger LOG = Logger.getLogger(MessageDelivery.class.getName());

    /*
     * Native because Hibernate 6.6 renders SKIP LOCKED for PostgreSQL but silently drops it for
     * H2, which would make a second node wait for the first one's SMTP round trip instead of
     * moving on. Both databases accept this statement.
     */
    private static final String CLAIM = "SELECT id FROM outbox_message WHERE id = ?1 FOR UPDATE SKIP LOCKED";

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSender mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** @return true when this call sent the message */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean attempt(long id) {
        if (em.createNativeQuery(CLAIM).setParameter(1, id).getResultList().isEmpty()) {
            return false; // another node holds it right now
        }
        OutboxMessage message = em.find(OutboxMessage.class, id);
        Instant now = clock.instant();
        if (!message.isDueAt(now)) {
            return false; // handled by another node between our listing and our lock
        }
        try {
            mail.send(message);
        } catch (MessagingException | RuntimeException e) {
            // unexpected runtime errors back off too: a message that always fails must not be
            // retried on every tick
            LOG.warning(() -> "mail " + id + " not delivered, will retry: " + e);
            message.failed(now, e.toString(), settings.mailRetryInterval());
            return false;
        }
        message.delivered(now);
        return true;
    }
}
