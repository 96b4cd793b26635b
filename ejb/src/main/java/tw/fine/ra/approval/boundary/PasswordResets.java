package tw.fine.ra.approval.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.ResourceBundle;
import tw.fine.ra.account.boundary.Accounts;
import tw.fine.ra.approval.entity.PasswordResetRequest;
import tw.fine.ra.approval.entity.RequestStatus;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.ClockProducer;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.boundary.SubscriberMailers;

/**
 * Website password reset by paper form only (function 10): a clerk enters the form, another
 * person with the officer role approves it; approval unlocks the account, prints a new sealed
 * mailer and tells the organization's contact by e-mail that it is on its way. A staff member's
 * account is reset the same way (no contact to tell); nobody enters or approves a form for their
 * own account.
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
    Accounts accounts;

    @Inject
    SubscriberMailers mailers;

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
        if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock.withZone(ClockProducer.TAIPEI)))) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "receivedOn", "reset.received-on.future");
        }
        String login = subscriberId == null ? "" : subscriberId.strip();
        if (login.equals(clerk.name())) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "subscriber", "reset.own-account");
        }
        Long accountId = accounts.lockForReset(login).map(Accounts.Holder::id).orElse(null);
        if (accountId == null) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "subscriber", "reset.subscriber.unknown");
        }
        if (exists("select r.id from PasswordResetRequest r where r.formNumber = :v", number)) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "formNumber", "reset.form-number.taken");
        }
        if (!em.createQuery("select r.id from PasswordResetRequest r where r.accountId = :a and r.status = :s",
                        Long.class)
                .setParameter("a", accountId).setParameter("s", RequestStatus.PENDING).getResultList().isEmpty()) {
            throw refusedAndAudited(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, "subscriber", "reset.pending-exists");
        }
        PasswordResetRequest request = new PasswordResetRequest(number, accountId, receivedOn, clerk.name(), clock.instant());
        em.persist(request);
        em.flush();
        audit.success(clerk, AuditEvent.PASSWORD_RESET_REQUESTED, number, login);
        return request.getId();
    }

    @RolesAllowed({"CLERK", "OFFICER"})
    public List<Pending> pending() {
        List<PasswordResetRequest> pending = em.createQuery(
                        "select r from PasswordResetRequest r where r.status = :s order by r.enteredAt",
                        PasswordResetRequest.class)
                .setParameter("s", RequestStatus.PENDING).getResultList();
        Map<Long, String> logins = accounts.logins(pending.stream().map(PasswordResetRequest::getAccountId).toList());
        Map<String, SubscriberMailers.Addressee> addressees = mailers.addresseesOf(logins.values());
        return pending.stream().map(r -> {
            String login = logins.get(r.getAccountId());
            SubscriberMailers.Addressee to = addressees.get(login);
            return new Pending(r.getId(), r.getFormNumber(), login, to == null ? "-" : to.organization(),
                    to == null ? "-" : to.ubn(), r.getReceivedOn(), r.getEnteredBy());
        }).toList();
    }

    @RolesAllowed("OFFICER")
    public Approved approve(long requestId, String clientAddress) throws Refused {
        Actor officer = actor("OFFICER", clientAddress);
        PasswordResetRequest request = lockedRequest(requestId);
        Accounts.Holder holder = accounts.holder(request.getAccountId());
        try {
            if (holder.login().equals(officer.name())) {
                throw new Refused(null, "reset.own-account");
            }
            request.approve(officer.name(), clock.instant());
        } catch (Refused refused) {
            audit.failure(officer, AuditEvent.PASSWORD_RESET_APPROVED, request.getFormNumber(), refused.messageKey());
            throw refused;
        }
        Accounts.InitialPassword reset = accounts.resetPassword(request.getAccountId());
        String login = reset.login();
        byte[] mailer;
        try {
            mailer = holder.staff()
                    ? mailers.printStaffReset(login, holder.displayName(), holder.role().name(),
                            request.getFormNumber(), reset.password())
                    : mailers.printReset(login, request.getFormNumber(), reset.password());
        } finally {
            reset.wipe();
        }
        if (holder.staff()) {
            // staff have no organization contact: the officer hands the sealed letter over in person
            audit.success(officer, AuditEvent.PASSWORD_RESET_APPROVED, request.getFormNumber(),
                    login + " (staff) unlocked, mailer printed");
        } else {
            SubscriberMailers.Addressee to = mailers.addresseeOf(login).orElseThrow();
            outbox.enqueue(to.contactEmail(), notice("reset.subject", to, login, request.getFormNumber()),
                    notice("reset.body", to, login, request.getFormNumber()));
            audit.success(officer, AuditEvent.PASSWORD_RESET_APPROVED, request.getFormNumber(),
                    login + " unlocked, mailer printed, contact notified");
        }
        return new Approved(request.getFormNumber(), login, mailer);
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

    private String notice(String key, SubscriberMailers.Addressee to, String subscriberId, String formNumber) {
        String date = LocalDate.now(clock.withZone(ClockProducer.TAIPEI)).format(DateTimeFormatter.ISO_LOCAL_DATE);
        return new MessageFormat(NOTICES.getString(key), Locale.ROOT).format(new Object[] {
            to.contactName(), to.organization(), to.ubn(), subscriberId, formNumber, date});
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
