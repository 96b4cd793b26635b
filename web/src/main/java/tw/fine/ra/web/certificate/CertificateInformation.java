package tw.fine.ra.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.platform.ClockProducer;

/** 檢視憑證資訊: the signed-in subscriber's certificates as the seed's table, with a save link per row. */
@Named
@ViewScoped
public class CertificateInformation implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TAIPEI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ClockProducer.TAIPEI);

    /** One line of the table, already formatted; times in Asia/Taipei. */
    public record Row(long number, String subscriberId, String serial, String status, String usage, String validFrom,
            String validTo, String subject, String issuer) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Row of(CertificateView c) {
            return new Row(c.certificateNumber(), c.subscriberId(), c.serial().toString(16), c.status().name(),
                    c.usage().name(), time(c.notBefore()), time(c.notAfter()), c.subjectDn(), c.issuerDn());
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

    private static String time(Instant instant) {
        return TAIPEI.format(instant);
    }
}
