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
import java.util.ArrayList;
import java.util.List;
import tw.fine.ra.account.boundary.Accounts;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.control.MailerPrinting;
import tw.fine.ra.registration.control.PasswordMailer;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.FormRuleException;
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
    Accounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    public Registered register(Form form, String clientAddress) throws Refused {
        BusinessNumber ubn = validUbn(form.ubn());
        Contact contact;
        try {
            contact = new Contact(form.contactName(), form.contactEmail(), form.contactPhone(), form.contactAddress());
            Organization.checkSubscribersPerForm(form.subscribers());
        } catch (FormRuleException e) {
            throw new Refused(e.field(), e.messageKey());
        }
        if (!em.createQuery("select o.id from Organization o where o.ubn = :ubn", Long.class)
                .setParameter("ubn", ubn).getResultList().isEmpty()) {
            throw new Refused("ubn", "registration.ubn.taken");
        }
        Actor clerk = clerk(clientAddress);
        Organization organization = new Organization(ubn, form.name().strip(), contact, clock.instant(), clerk.name());
        em.persist(organization);
        List<Mailer> mailers = addTo(organization, form.subscribers());
        // the audit chain's head stays locked from the first record to the commit: record last, after
        // the password hashes and PDFs, so that no sign-in waits for them
        audit.success(clerk, AuditEvent.ORGANIZATION_REGISTERED, ubn.value(), organization.getName());
        return registered(ubn, mailers, clerk);
    }

    /** More subscribers for a registered organization, numbered after the last one. */
    public Registered addSubscribers(String ubnText, int count, String clientAddress) throws Refused {
        BusinessNumber ubn = validUbn(ubnText);
        try {
            Organization.checkSubscribersPerForm(count);
        } catch (FormRuleException e) {
            throw new Refused(e.field(), e.messageKey());
        }
        Organization organization = em.createQuery("select o from Organization o where o.ubn = :ubn", Organization.class)
                .setParameter("ubn", ubn).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new Refused("ubn", "registration.ubn.unknown"));
        return registered(ubn, addTo(organization, count), clerk(clientAddress));
    }

    private Registered registered(BusinessNumber ubn, List<Mailer> mailers, Actor clerk) {
        for (Mailer mailer : mailers) {
            audit.success(clerk, AuditEvent.SUBSCRIBER_REGISTERED, mailer.subscriberId(), "account opened");
            audit.success(clerk, AuditEvent.PASSWORD_MAILER_PRINTED, mailer.subscriberId(),
                    "initial password mailer printed");
        }
        return new Registered(ubn.value(), mailers);
    }

    private List<Mailer> addTo(Organization organization, int count) {
        List<Mailer> mailers = new ArrayList<>();
        for (Subscriber subscriber : organization.addSubscribers(count, clock.instant())) {
            em.persist(subscriber);
            Accounts.InitialPassword initial =
                    accounts.openForSubscriber(subscriber.getSubscriberId(), subscriber.getId());
            try {
                byte[] pdf = printing.print(organization, subscriber, "REG-" + subscriber.getSubscriberId(),
                        initial.password(), PasswordMailer.Purpose.OPENING);
                mailers.add(new Mailer(subscriber.getSubscriberId(), pdf));
            } finally {
                initial.wipe();
            }
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

    private Actor clerk(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), Role.CLERK.name(), clientAddress);
    }
}
