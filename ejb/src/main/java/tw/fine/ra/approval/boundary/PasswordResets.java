package tw.fine.ra.approval.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.ResourceBundle;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.approval.entity.PasswordResetRequest;
import tw.fine.ra.approval.entity.RequestStatus;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.platform.Time;
import tw.fine.ra.registration.control.MailerPrinting;
import tw.fine.ra.registration.control.PasswordMailer;
import tw.fine.ra.registration.entity.Organization;

/**
 * Website password reset by paper form only (function 10): a clerk enters the form, another
 * person with the officer role approves it; approval unlocks the account, prints a new sealed
 * mailer and tells the organization's contact by e-mail that it is on its way.
 */
@Stateless
public class PasswordResets {

    /** A pending form as the officer sees it, with the subscriber's organization. */
    public record Pending(long id, String formNumber, String subscriberId, String organization, String ubn,
            LocalDate receivedOn, String enteredBy) {
    }

    /** The approved form's new mailer; the PDF holds the only copy of the new password. */
    public record Approved(String formNumber, String subscriberId, byte[] mailer) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MailerPrinting printing;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    @RolesAllowed("CLERK")
    public long enter(String formNumber, String subscriberId, LocalDate receivedOn, String clientAddress) throws Refused {
        Actor clerk = actor("CLERK", clientAddress);
        String number = formNumber == null ? "" : formNumber.strip();
        if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock.withZone(Time.TAIPEI)))) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "receivedOn", "reset.received-on.future");
        }
        Account account = em.createQuery(
                        "select a from Account a where a.login = :login and a.subscriber is not null", Account.class)
                .setParameter("login", subscriberId == null ? "" : subscriberId.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (account == null) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "subscriber", "reset.subscriber.unknown");
        }
        if (exists("select r.id from PasswordResetRequest r where r.formNumber = :v", number)) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "formNumber", "reset.form-number.taken");
        }
        if (!em.createQuery("select r.id from PasswordResetRequest r where r.account = :a and r.status = :s", Long.class)
                .setParameter("a", account).setParameter("s", RequestStatus.PENDING).getResultList().isEmpty()) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "subscriber", "reset.pending-exists");
        }
        PasswordResetRequest request = new PasswordResetRequest(number, account, receivedOn, clerk.name(), clock.instant());
        em.persist(request);
        em.flush();
        audit.success(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, account.getLogin());
        return request.getId();
    }

    @RolesAllowed({"CLERK", "OFFICER"})
    public List<Pending> pending() {
        List<PasswordResetRequest> requests = em.createQuery("select r from PasswordResetRequest r join fetch r.account "
                        + "where r.status = :s order by r.enteredAt", PasswordResetRequest.class)
                .setParameter("s", RequestStatus.PENDING).getResultList();
        Map<String, Object[]> organizations = organizationsOf(requests.stream().map(r -> r.getAccount().getLogin()).toList());
        return requests.stream().map(r -> {
            String login = r.getAccount().getLogin();
            Object[] organization = organizations.getOrDefault(login, new Object[] {"-", "-"});
            return new Pending(r.getId(), r.getFormNumber(), login, (String) organization[0], (String) organization[1],
                    r.getReceivedOn(), r.getEnteredBy());
        }).toList();
    }

    /** Name and business number of each subscriber's organization, by subscriber ID (the login). */
    private Map<String, Object[]> organizationsOf(List<String> subscriberIds) {
        if (subscriberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select s.subscriberId, o.name, o.ubn.value from Subscriber s join s.organization o "
                        + "where s.subscriberId in :ids", Object[].class)
                .setParameter("ids", subscriberIds).getResultList().stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> new Object[] {row[1], row[2]}));
    }

    @RolesAllowed("OFFICER")
    public Approved approve(long requestId, String clientAddress) throws Refused {
        Actor officer = actor("OFFICER", clientAddress);
        PasswordResetRequest request = lockedRequest(requestId);
        try {
            request.approve(officer.name(), clock.instant());
        } catch (Refused refused) {
            audit.failure(officer, AuditEvent.PASSWORD_RESET_APPROVED, request.getFormNumber(), refused.messageKey());
            throw refused;
        }
        Account account = request.getAccount();
        Organization organization = account.getSubscriber().getOrganization();
        MailerPrinting.Printed printed = printing.print(organization, account.getSubscriber(), request.getFormNumber(),
                PasswordMailer.Purpose.RESET);
        account.passwordReset(printed.passwordHash(), clock.instant());
        outbox.enqueue(organization.getContact().getEmail(),
                notice("reset.subject", organization, account.getLogin(), request.getFormNumber()),
                notice("reset.body", organization, account.getLogin(), request.getFormNumber()));
        audit.success(officer, AuditEvent.PASSWORD_RESET_APPROVED, request.getFormNumber(),
                account.getLogin() + " unlocked, mailer printed, contact notified");
        return new Approved(request.getFormNumber(), account.getLogin(), printed.pdf());
    }

    @RolesAllowed("OFFICER")
    public void reject(long requestId, String reason, String clientAddress) throws Refused {
        Actor officer = actor("OFFICER", clientAddress);
        PasswordResetRequest request = lockedRequest(requestId);
        try {
            request.reject(officer.name(), reason, clock.instant());
        } catch (Refused refused) {
            audit.failure(officer, AuditEvent.PASSWORD_RESET_REJECTED, request.getFormNumber(), refused.messageKey());
            throw refused;
        }
        audit.success(officer, AuditEvent.PASSWORD_RESET_REJECTED, request.getFormNumber(), reason.strip());
    }

    private static final ResourceBundle NOTICES = ResourceBundle.getBundle("tw.fine.ra.approval.notices", Locale.ROOT);

    private static String notice(String key, Organization organization, String subscriberId, String formNumber) {
        String date = LocalDate.now(Time.TAIPEI).format(DateTimeFormatter.ISO_LOCAL_DATE);
        return new MessageFormat(NOTICES.getString(key), Locale.ROOT).format(new Object[] {
            organization.getContact().getName(), organization.getName(), organization.getUbn().value(),
            subscriberId, formNumber, date});
    }

    private PasswordResetRequest lockedRequest(long id) throws Refused {
        PasswordResetRequest request = em.find(PasswordResetRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new Refused(null, "approvals.not-pending");
        }
        return request;
    }

    private boolean exists(String query, String value) {
        return !em.createQuery(query, Long.class).setParameter("v", value).getResultList().isEmpty();
    }

    private Refused refusedAndAudited(Actor who, AuditEvent event, String subject, String field, String key) {
        audit.failure(who, event, subject, key);
        return new Refused(field, key);
    }

    private Actor actor(String role, String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), role, clientAddress);
    }
}
