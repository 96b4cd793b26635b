package tw.fine.ra.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.web.support.Pages;

/**
 * The subscriber's home page as a dashboard: the certificates and their state, and the next step
 * the subscriber can take. Steps whose pages are not built yet are named, never linked.
 */
@Named
@ViewScoped
public class SubscriberHome implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificateAuthority ca;

    private List<CertificateView> certificates;

    @PostConstruct
    void load() {
        certificates = ca.ofSubscriber(Pages.request().getUserPrincipal().getName());
    }

    public List<CertificateView> getCertificates() { return certificates; }

    /** The message key of the next step, from the most advanced certificate state. */
    public String getNextStepKey() {
        if (certificates.isEmpty()) {
            return "home.next.apply";
        }
        if (has(CertificateStatus.ISSUED_NOT_ON_CARD)) {
            return "home.next.download";
        }
        if (has(CertificateStatus.ACTIVE) || has(CertificateStatus.ON_HOLD)) {
            return "home.next.none";
        }
        return "home.next.apply-again";
    }

    private boolean has(CertificateStatus status) {
        return certificates.stream().anyMatch(c -> c.status() == status);
    }
}
