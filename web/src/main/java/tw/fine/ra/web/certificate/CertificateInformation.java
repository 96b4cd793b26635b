package tw.fine.ra.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.web.support.TaipeiTime;

/** 檢視憑證資訊: the signed-in subscriber's certificates as the seed's table, with a save link per row. */
@Named
@ViewScoped
public class CertificateInformation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the table, already formatted; times in Asia/Taipei. */
    public record Row(long number, String subscriberId, String serial, String status, String usage, String validFrom,
            String validTo, String subject, String issuer) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Row of(CertificateView c) {
            return new Row(c.certificateNumber(), c.subscriberId(), c.serial().toString(16), c.status().name(),
                    c.usage().name(), TaipeiTime.of(c.notBefore()), TaipeiTime.of(c.notAfter()), c.subjectDn(), c.issuerDn());
        }
    }

    @Inject
    Certificates certificates;

    private List<Row> rows;

    @PostConstruct
    void load() {
        rows = certificates.mine().stream().map(Row::of).toList();
    }

    public List<Row> getRows() {
        return rows;
    }
}
