package tw.fine.ra.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import tw.fine.ra.audit.boundary.AuditReading;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.entity.ChainVerdict;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.platform.ClockProducer;

/** The auditor reviews the trail: filters it, exports what the filter shows, verifies the chain. */
@Named
@ViewScoped
public class AuditReview implements Serializable {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ClockProducer.TAIPEI);
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ClockProducer.TAIPEI);

    @EJB
    AuditReading reading;

    @Inject
    Clock clock;

    private AuditRows rows;
    private LocalDate from;
    private LocalDate to;
    private String actor;
    private AuditEvent event;
    private Outcome outcome;
    private ChainVerdict verdict;
    private transient AuditWording wording;

    @PostConstruct
    void init() {
        rows = new AuditRows(reading);
    }

    public void search() {
        rows.show(filter());
    }

    /** What the table shows now, as a CSV file; the export is recorded when it has been written. */
    public StreamedContent getExport() {
        AuditFilter shown = filter();
        String client = clientAddress();
        AuditReading boundary = reading;
        return DefaultStreamedContent.builder()
                .name("audit-trail-" + FILE_STAMP.format(clock.instant()) + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> boundary.export(shown, client, out))
                .build();
    }

    public void verify() {
        verdict = reading.verify(clientAddress());
    }

    /** The stored role (CLERK, SYSTEM, …) in the page's language. */
    public String role(String stored) {
        return wording().role(stored);
    }

    /** The stored detail (English text or a message key) in the page's language. */
    public String detail(String stored) {
        return wording().detail(stored);
    }

    private AuditWording wording() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (wording == null || !wording.speaks(locale)) {
            wording = new AuditWording(locale);
        }
        return wording;
    }

    /** Stored in UTC, read in Taipei. */
    public String taipei(Instant at) {
        return SHOWN.format(at);
    }

    private AuditFilter filter() {
        // whole Taipei days: "to" includes its day, the filter's end is exclusive
        return new AuditFilter(from == null ? null : from.atStartOfDay(ClockProducer.TAIPEI).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ClockProducer.TAIPEI).toInstant(), actor, event, outcome);
    }

    private static String clientAddress() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public AuditEvent[] getEvents() { return AuditEvent.values(); }
    public Outcome[] getOutcomes() { return Outcome.values(); }
    public AuditRows getRows() { return rows; }
    public ChainVerdict getVerdict() { return verdict; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public AuditEvent getEvent() { return event; }
    public void setEvent(AuditEvent event) { this.event = event; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
}
