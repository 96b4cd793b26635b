package tw.fine.ra.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import tw.fine.ra.approval.boundary.PasswordResets;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.boundary.AuditReading;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.ClockProducer;

/**
 * The staff home page as a dashboard of what waits for the signed-in person: a clerk's forms
 * still waiting for another person's approval, the forms an officer may decide, and for an
 * auditor the trail's records today and its last verification. Each figure links to its page.
 */
@Named
@RequestScoped
public class StaffHome {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockProducer.TAIPEI);

    @Inject
    PasswordResets resets;

    @Inject
    AuditReading reading;

    @Inject
    Clock clock;

    private List<PasswordResets.Pending> pending;
    private Optional<AuditEntry> lastVerification;

    /** The clerk's own forms that wait for an officer. */
    public List<PasswordResets.Pending> getEnteredByMe() {
        return pending().stream().filter(p -> p.enteredBy().equals(me())).toList();
    }

    /** The forms this officer may decide: everything pending that someone else entered. */
    public List<PasswordResets.Pending> getAwaitingMe() {
        return pending().stream().filter(p -> !p.enteredBy().equals(me())).toList();
    }

    /** Audit records since midnight, Taipei time. */
    public long getRecordsToday() {
        Instant midnight = LocalDate.now(clock.withZone(ClockProducer.TAIPEI)).atStartOfDay(ClockProducer.TAIPEI).toInstant();
        return reading.count(new AuditFilter(midnight, null, null, null, null));
    }

    /** The newest verification of the chain, if any was ever run. */
    public Optional<AuditEntry> getLastVerification() {
        if (lastVerification == null) {
            lastVerification = reading.find(new AuditFilter(null, null, null, AuditEvent.AUDIT_VERIFIED, null), 0, 1)
                    .stream().findFirst();
        }
        return lastVerification;
    }

    public String taipei(Instant at) {
        return SHOWN.format(at);
    }

    public boolean isClerk() { return inRole("CLERK"); }
    public boolean isOfficer() { return inRole("OFFICER"); }
    public boolean isAuditor() { return inRole("AUDITOR"); }

    private List<PasswordResets.Pending> pending() {
        if (pending == null) {
            pending = resets.pending();
        }
        return pending;
    }

    private static String me() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private static boolean inRole(String role) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(role);
    }
}
