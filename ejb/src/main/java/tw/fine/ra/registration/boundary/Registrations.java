package tw.fine.ra.registration.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.control.MailerPrinting;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.InvalidBusinessNumberException;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * A clerk registers an organization and its subscribers from the paper registration form. Each
 * subscriber gets a website account with a CSPRNG initial password that exists only in the
 * sealed mailer returned here.
 */
@Stateless
@RolesAllowed("CLERK")
public class Registrations {

    public static final int MAX_SUBSCRIBERS_PER_FORM = 20;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The paper form's fields. */
    public record Form(String ubn, String name, String contactName, String contactEmail, String contactPhone,
            String contactAddress, int subscribers) {
    }

    /** A subscriber's sealed mailer; the PDF holds the only copy of the initial password. */
    public record Mailer(String subscriberId, byte[] pdf) {
    }

    public record Registered(String ubn, List<Mailer> mailers) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MailerPrinting printing;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    public Registered register(Form form, String clientAddress) throws Refused {
        BusinessNumber ubn = validUbn(form.ubn());
        if (!EMAIL.matcher(blankToEmpty(form.contactEmail())).matches()) {
            throw new Refused("contactEmail", "registration.email.invalid");
        }
        checkCount(form.subscribers());
        if (!em.createQuery("select o.id from Organization o where o.ubn = :ubn", Long.class)
                .setParameter("ubn", ubn).getResultList().isEmpty()) {
            throw new Refused("ubn", "registration.ubn.taken");
        }
        Actor clerk = clerk(clientAddress);
        Organization organization = new Organization(ubn, form.name().strip(),
                new Contact(form.contactName().strip(), form.contactEmail().strip(), form.contactPhone().strip(),
                        form.contactAddress().strip()), clock.instant(), clerk.name());
        em.persist(organization);
        audit.success(clerk, AuditEvent.ORGANIZATION_REGISTERED, ubn.value(), organization.getName());
        return new Registered(ubn.value(), addTo(organization, form.subscribers(), clerk));
    }

    /** More subscribers for a registered organization, numbered after the last one. */
    public Registered addSubscribers(String ubnText, int count, String clientAddress) throws Refused {
        BusinessNumber ubn = validUbn(ubnText);
        checkCount(count);
        Organization organization = em.createQuery("select o from Organization o where o.ubn = :ubn", Organization.class)
                .setParameter("ubn", ubn).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new Refused("ubn", "registration.ubn.unknown"));
        return new Registered(ubn.value(), addTo(organization, count, clerk(clientAddress)));
    }

    private List<Mailer> addTo(Organization organization, int count, Actor clerk) {
        List<Mailer> mailers = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            Subscriber subscriber = organization.addSubscriber(now);
            em.persist(subscriber);
            MailerPrinting.Printed printed = printing.print(organization, subscriber, "REG-" + subscriber.getSubscriberId());
            em.persist(new Account(subscriber.getSubscriberId(), Role.SUBSCRIBER, subscriber.getSubscriberId(),
                    subscriber, printed.passwordHash()));
            audit.success(clerk, AuditEvent.SUBSCRIBER_REGISTERED, subscriber.getSubscriberId(), "initial password mailer printed");
            mailers.add(new Mailer(subscriber.getSubscriberId(), printed.pdf()));
        }
        return mailers;
    }

    private static BusinessNumber validUbn(String text) throws Refused {
        try {
            return BusinessNumber.of(text);
        } catch (InvalidBusinessNumberException e) {
            throw new Refused("ubn", e.messageKey());
        }
    }

    private static void checkCount(int count) throws Refused {
        if (count < 1 || count > MAX_SUBSCRIBERS_PER_FORM) {
            throw new Refused("subscribers", "registration.subscribers.range");
        }
    }

    private Actor clerk(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), Role.CLERK.name(), clientAddress);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
