package tw.fine.ra.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import tw.fine.ra.certificate.boundary.CertificateDownloads;

/**
 * Certificate download page (憑證下載): the subscriber's certificates that are issued but not on the
 * card, to choose from, and the steps its script walks through ({@code resources/js/download.js}).
 */
@Named
@ViewScoped
public class DownloadPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The steps the script walks through, in order; each has {@code download.step.<name>} in the bundles. */
    public static final List<String> STEPS = List.of("agent", "card", "proof", "authenticate", "write", "done");

    @Inject
    CertificateDownloads downloads;

    private List<CertificateInformation.Row> waiting;

    @PostConstruct
    void load() {
        waiting = downloads.waiting().stream().map(CertificateInformation.Row::of).toList();
    }

    public List<CertificateInformation.Row> getWaiting() { return waiting; }

    public List<String> getSteps() { return STEPS; }
}
