package tw.fine.ra.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import tw.fine.ra.account.entity.AccountLocked;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.ClockProducer;

/**
 * When a subscriber's website sign-in locks, his organization's certificate contact learns it by
 * mail, with the way back (the paper reset form): the sign-in page never says an account is
 * locked. Queued in the transaction that locked it, so no notice goes out for a lock that did not
 * happen. Staff accounts have no organization contact.
 */
@Stateless
public class LockNotices {

    private static final ResourceBundle NOTICES =
            ResourceBundle.getBundle("tw.fine.ra.registration.notices", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void accountLocked(@Observes AccountLocked locked) {
        if (locked.role() != Role.SUBSCRIBER) {
            return;
        }
        SubscriberMailers.subscriber(em, locked.login()).map(SubscriberMailers::addressee).ifPresent(to -> {
            Object[] arguments = {to.contactName(), to.organization(), to.ubn(), locked.login(),
                LocalDateTime.now(clock.withZone(ClockProducer.TAIPEI)).format(WHEN)};
            outbox.enqueue(to.contactEmail(), format("locked.subject", arguments), format("locked.body", arguments));
        });
    }

    private static String format(String key, Object[] arguments) {
        return new MessageFormat(NOTICES.getString(key), Locale.ROOT).format(arguments);
    }
}
