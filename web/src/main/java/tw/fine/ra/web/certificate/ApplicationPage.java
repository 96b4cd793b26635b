package tw.fine.ra.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.certificate.entity.PairState;
import tw.fine.ra.registration.boundary.SubscriberMailers;
import tw.fine.ra.registration.boundary.SubscriberMailers.Addressee;
import tw.fine.ra.web.support.Pages;

/**
 * Certificate application page (憑證申請): the registration data and the subject the pair will carry,
 * the subscriber agreement and the steps its script walks through. The card steps themselves run in
 * {@code resources/js/application.js}; what it needs to know of the agent comes from {@link LocalAgent}.
 */
@Named
@ViewScoped
public class ApplicationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The steps the script walks through, in order; each has {@code application.step.<name>} in the bundles. */
    public static final List<String> STEPS = List.of("agent", "card", "authenticate", "keys", "requests", "issue",
            "write", "done");

    @Inject
    CertificateAuthority ca;

    @Inject
    SubscriberMailers subscribers;

    private String subscriberId;
    private Addressee registration;
    private String subjectDn;
    private PairState pair;

    @PostConstruct
    void load() {
        subscriberId = Pages.request().getUserPrincipal().getName();
        registration = subscribers.ownAddressee().orElseThrow();
        subjectDn = ca.subjectDn(subscriberId, registration.ubn());
        List<CertificateView> mine = ca.ofSubscriber(subscriberId);
        pair = PairState.of(mine.stream().map(CertificateView::status).toList());
    }

    public String getSubscriberId() { return subscriberId; }

    public Addressee getRegistration() { return registration; }

    public String getSubjectDn() { return subjectDn; }

    /** A subscriber with a valid, held or waiting pair renews or downloads instead. */
    public boolean isOpen() { return pair == PairState.NONE || pair == PairState.ENDED; }

    public String getPair() { return pair.name(); }

    public List<String> getSteps() { return STEPS; }
}
