package tw.fine.ra.registration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tw.fine.ra.registration.control.MailerPrinting;
import tw.fine.ra.registration.control.PasswordMailer;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * For a registered subscriber: who its organization's contact is, a sealed mailer for a new
 * initial password (a password reset), and the sealed PIN mailer of a newly personalized card.
 * Registration prints its own mailers itself.
 */
@Stateless
@RolesAllowed({"CLERK", "OFFICER"})
public class SubscriberMailers {

    /** Where notices about a subscriber go: its organization's certificate contact. */
    public record Addressee(String ubn, String organization, String contactName, String contactEmail) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MailerPrinting printing;

    @Resource
    SessionContext caller;

    public Optional<Addressee> addresseeOf(String subscriberId) {
        return subscriber(subscriberId).map(SubscriberMailers::addressee);
    }

    /** The signed-in subscriber's own addressee, for notices about what he did himself (suspend, resume). */
    @RolesAllowed("SUBSCRIBER")
    public Optional<Addressee> ownAddressee() {
        return addresseeOf(caller.getCallerPrincipal().getName());
    }

    /** The addressees of several subscribers at once, by subscriber ID; unknown IDs are left out. */
    public Map<String, Addressee> addresseesOf(Collection<String> subscriberIds) {
        if (subscriberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select s from Subscriber s join fetch s.organization where s.subscriberId in :ids",
                        Subscriber.class)
                .setParameter("ids", subscriberIds).getResultStream()
                .collect(Collectors.toMap(Subscriber::getSubscriberId, SubscriberMailers::addressee));
    }

    static Addressee addressee(Subscriber subscriber) {
        var organization = subscriber.getOrganization();
        return new Addressee(organization.getUbn().value(), organization.getName(),
                organization.getContact().getName(), organization.getContact().getEmail());
    }

    /** The PDF reset mailer that carries {@code password}; the caller wipes the password. */
    public byte[] printReset(String subscriberId, String reference, char[] password) {
        Subscriber subscriber = subscriber(subscriberId)
                .orElseThrow(() -> new IllegalArgumentException("no subscriber " + subscriberId));
        return printing.print(subscriber.getOrganization(), subscriber, reference, password, PasswordMailer.Purpose.RESET);
    }

    /**
     * The reset mailer of a staff member's account: the same sealed letter, addressed to the
     * member inside the RA instead of an organization's contact; the caller wipes the password.
     */
    @RolesAllowed("OFFICER")
    public byte[] printStaffReset(String login, String displayName, String role, String reference, char[] password) {
        return printing.printStaff(login, displayName, role, reference, password);
    }

    /**
     * The sealed card PIN mailer (卡片密碼函) of a card personalized at the counter, carrying its
     * initial {@code pin}; the caller wipes the PIN and never keeps it.
     */
    @RolesAllowed("CLERK")
    public byte[] printCardPin(String subscriberId, String reference, String cardNumber, char[] pin) {
        Subscriber subscriber = subscriber(subscriberId)
                .orElseThrow(() -> new IllegalArgumentException("no subscriber " + subscriberId));
        return printing.print(subscriber.getOrganization(), subscriber, cardNumber, reference, pin,
                PasswordMailer.Purpose.CARD_PIN);
    }

    private Optional<Subscriber> subscriber(String subscriberId) {
        return subscriber(em, subscriberId);
    }

    static Optional<Subscriber> subscriber(EntityManager em, String subscriberId) {
        return em.createQuery("select s from Subscriber s join fetch s.organization where s.subscriberId = :id",
                        Subscriber.class)
                .setParameter("id", subscriberId).getResultStream().findFirst();
    }
}
