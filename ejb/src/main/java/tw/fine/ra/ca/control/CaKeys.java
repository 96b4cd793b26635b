package tw.fine.ra.ca.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Opens the CA key store at start, creating the root, issuing CA and OCSP signer the first time,
 * and holds them for the application. Bean-managed concurrency: after start everything here is
 * read-only except the OCSP signer, which is swapped in one volatile write.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CaKeys {

    private static final Logger LOG = Logger.getLogger(CaKeys.class.getName());

    @Inject
    Clock clock;

    private CaSettings settings;
    private CaHierarchy hierarchy;
    private IssuingCa ca;
    private CertificateIssuer issuer;
    private volatile OcspSigner ocspSigner;

    @PostConstruct
    void open() {
        settings = CaSettings.from(System::getProperty);
        CaKeyStore store = CaKeyStores.open(System::getProperty, System::getenv);
        hierarchy = new CaHierarchy(store, settings, clock);
        ca = hierarchy.loadOrCreate();
        issuer = new CertificateIssuer(ca, settings);
        ocspSigner = hierarchy.ocspSigner(ca);
        LOG.info(() -> "CA ready: " + issuerDn() + ", OCSP signer valid until " + ocspSigner.certificate().getNotAfter());
    }

    /** Replaces the OCSP signer when it nears expiry; the responder picks the new one up on its next answer. */
    public synchronized void renewOcspSignerIfDue() {
        OcspSigner current = ocspSigner;
        if (current.dueForRenewal(clock.instant(), settings.ocspSignerRenewBefore())) {
            ocspSigner = hierarchy.ocspSigner(ca);
            LOG.info(() -> "OCSP signer renewed until " + ocspSigner.certificate().getNotAfter());
        }
    }

    public CaSettings settings() {
        return settings;
    }

    public IssuingCa ca() {
        return ca;
    }

    public CertificateIssuer issuer() {
        return issuer;
    }

    public OcspSigner ocspSigner() {
        return ocspSigner;
    }

    /** The issuer as stored with every certificate: RFC 2253 text of the issuing CA's subject. */
    public String issuerDn() {
        return ca.certificate().getSubjectX500Principal().getName();
    }
}
