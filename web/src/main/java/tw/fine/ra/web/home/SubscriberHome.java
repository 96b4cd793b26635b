package tw.fine.ra.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.certificate.entity.PairState;
import tw.fine.ra.web.support.TaipeiTime;

/**
 * The subscriber's home page as a dashboard: the pair's state at a glance, the certificates, and
 * the next step the subscriber can take. Steps whose pages are not built yet are named, never linked.
 */
@Named
@ViewScoped
public class SubscriberHome implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Certificates certificates;

    private Certificates.Overview overview;

    @PostConstruct
    void load() {
        overview = certificates.overview();
    }

    public List<CertificateView> getCertificates() { return overview.certificates(); }

    public PairState getState() { return overview.state(); }

    /** The message key of the state at a glance. */
    public String getStateKey() { return "home.state." + overview.state(); }

    /** The message key of the next step. */
    public String getNextStepKey() {
        return "home.next." + (isDownloadNext() ? PairState.NOT_ON_CARD : overview.state());
    }

    /**
     * Whether a certificate waits for the card (a write failed during the application, maybe for one
     * of the pair only): the next step is certificate download, unless the pair is suspended.
     */
    public boolean isDownloadNext() {
        return overview.state() != PairState.ON_HOLD && overview.certificates().stream()
                .anyMatch(c -> c.status() == CertificateStatus.ISSUED_NOT_ON_CARD);
    }

    /** A certificate's time as the subscriber pages show it (Asia/Taipei). */
    public String shown(Instant instant) {
        return TaipeiTime.of(instant);
    }

    /** Whether the next step is on the suspend/resume page (a valid pair can be suspended, a held one resumed). */
    public boolean isHoldPageNext() {
        return overview.state() == PairState.VALID || overview.state() == PairState.ON_HOLD;
    }
}
