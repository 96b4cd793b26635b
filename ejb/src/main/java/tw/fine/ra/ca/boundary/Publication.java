package tw.fine.ra.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.CaSettings;
import tw.fine.ra.ca.control.CrlBytes;
import tw.fine.ra.ca.control.CrlPublisher;
import tw.fine.ra.ca.control.RootCrls;
import tw.fine.ra.ca.entity.PublishedCrl;

/**
 * What relying parties fetch: CA certificates and CRLs. The servlets under {@code /pki} call only
 * this and, for OCSP, {@link OcspAnswers}.
 */
@Stateless
public class Publication {

    @Inject
    CrlPublisher crls;

    @Inject
    CrlBytes bytes;

    @Inject
    CrlRefresh refresh;

    @Inject
    RootCrls rootCrls;

    @Inject
    CaCredentials keys;

    @Inject
    Clock clock;

    /** At start: the issuer's CRL counter exists, so that publications on every node only lock it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void prepareCrlCounter() {
        crls.counter();
    }

    public CrlDocument publishCrl() {
        return document(crls.publish());
    }

    /** The next delta CRL (or, before any full CRL, the first full one). */
    public CrlDocument publishDeltaCrl() {
        return document(crls.publishDelta());
    }

    /**
     * The latest CRL of the CA with this URL name, as stored; {@code <issuing CA>-delta} names the
     * issuing CA's delta CRL. A relying party's request never makes the server sign. The issuing CA's:
     * when there is none yet or it is past nextUpdate, a refresh is asked for and runs apart, joined
     * by every other request meanwhile. The root's: the latest the
     * ceremony brought (ADR 0010), even when past nextUpdate, since only the offline root can sign another.
     */
    public Optional<CrlDocument> currentCrl(String caSlug) {
        if (caSlug.equals(CaSettings.slug(keys.settings().rootName()))) {
            Optional<PublishedCrl> latest = rootCrls.latest();
            if (latest.isEmpty() || latest.get().nextUpdate().isBefore(clock.instant())) {
                latest = rootCrls.importNewer().or(() -> rootCrls.latest());
            }
            return latest.map(this::document);
        }
        String issuing = CaSettings.slug(keys.settings().issuingName());
        boolean delta = caSlug.equals(issuing + CaSettings.DELTA_CRL_SUFFIX);
        if (!delta && !caSlug.equals(issuing)) {
            return Optional.empty();
        }
        Optional<PublishedCrl> latest = delta ? crls.latestDelta() : crls.latest();
        if (latest.isEmpty() || !latest.get().nextUpdate().isAfter(clock.instant())) {
            if (delta) {
                refresh.requestDelta();
            } else {
                refresh.request();
            }
        }
        return latest.map(this::document);
    }

    /** DER of the issuing CA or root certificate by its URL name. */
    public Optional<byte[]> caCertificate(String caSlug) {
        CaSettings settings = keys.settings();
        if (caSlug.equals(CaSettings.slug(settings.issuingName()))) {
            return Optional.of(der(keys.ca().certificate()));
        }
        if (caSlug.equals(CaSettings.slug(settings.rootName()))) {
            return Optional.of(der(keys.ca().root()));
        }
        return Optional.empty();
    }

    private CrlDocument document(PublishedCrl crl) {
        return new CrlDocument(crl.crlNumber(), crl.thisUpdate(), crl.nextUpdate(), bytes.of(crl));
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
