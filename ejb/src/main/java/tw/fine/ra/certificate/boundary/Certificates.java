package tw.fine.ra.certificate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.certificate.control.CertificateFiles;
import tw.fine.ra.certificate.entity.CertificateFile;
import tw.fine.ra.certificate.entity.CertificateFormat;
import tw.fine.ra.certificate.entity.NotYourCertificateException;
import tw.fine.ra.certificate.entity.PairState;

/**
 * The signed-in subscriber's own certificates: the table, the state of the pair at a glance, and
 * the files to save. A certificate number that is not the caller's is answered as unknown and
 * audited, whether it exists or not.
 */
@Stateless
@RolesAllowed("SUBSCRIBER")
public class Certificates {

    /** The pair at a glance and the certificates behind it, oldest first. */
    public record Overview(PairState state, List<CertificateView> certificates) {
    }

    @Inject
    CertificateAuthority ca;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext caller;

    private final CertificateFiles files = new CertificateFiles();

    /** The caller's certificates, oldest first (by certificate number). */
    public List<CertificateView> mine() {
        return ca.ofSubscriber(me());
    }

    public Overview overview() {
        List<CertificateView> mine = mine();
        return new Overview(PairState.of(mine.stream().map(CertificateView::status).toList()), mine);
    }

    /** One of the caller's certificates as DER ({@code .cer}) or PEM. */
    public CertificateFile save(long number, CertificateFormat format, String clientAddress)
            throws NotYourCertificateException {
        CertificateView certificate = ca.find(number).filter(c -> c.subscriberId().equals(me())).orElse(null);
        if (certificate == null) {
            audit.failure(new Actor(me(), "SUBSCRIBER", clientAddress), AuditEvent.CERTIFICATE_ACCESS_REFUSED, me(),
                    "certificate #" + number + " is not the caller's");
            throw new NotYourCertificateException(number);
        }
        return files.certificate(certificate.subscriberId(), certificate.usage(), certificate.serial(),
                certificate.der(), format);
    }

    /** The CA certificates the caller's certificates chain to, issuing CA first, as one PEM file. */
    public CertificateFile caChain() {
        return files.chain(ca.caChain());
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
