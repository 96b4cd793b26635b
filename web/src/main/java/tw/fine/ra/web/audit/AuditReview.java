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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    private LocalDateTime from;
    private LocalDateTime to;
    private String actor;
    private AuditEvent event;
    private Outcome outcome;
    private ChainVerdict verdict;

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

    /** Stored in UTC, read in Taipei. */
    public String taipei(Instant at) {
        return SHOWN.format(at);
    }

    private AuditFilter filter() {
        return new AuditFilter(from == null ? null : from.atZone(ClockProducer.TAIPEI).toInstant(),
                to == null ? null : to.atZone(ClockProducer.TAIPEI).toInstant(), actor, event, outcome);
    }

    private static String clientAddress() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public AuditEvent[] getEvents() { return AuditEvent.values(); }
    public Outcome[] getOutcomes() { return Outcome.values(); }
    public AuditRows getRows() { return rows; }
    public ChainVerdict getVerdict() { return verdict; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public AuditEvent getEvent() { return event; }
    public void setEvent(AuditEvent event) { this.event = event; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
}
