package tw.fine.ra.ca.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.ca.entity.TicketSigningKey;
import tw.fine.ra.platform.Settings;

/**
 * The CA's keys and certificates for the application: opens the CA key store, taking the issuing CA
 * certificate the offline root signed ({@link IssuingCaSetup}) and creating the OCSP signer the first time, and holds them with the settings they were made for;
 * also the RA's card keys and audit checkpoint key kept in the same store ({@link RaKeyring}).
 * A plain CDI bean ({@link tw.fine.ra.ca.boundary.CaSchedule} opens it at start): after that
 * everything here is read-only except the OCSP signer, which is swapped in one volatile write.
 */
@ApplicationScoped
public class CaCredentials {

    private static final Logger LOG = Logger.getLogger(CaCredentials.class.getName());

    @Inject
    Clock clock;

    private CaSettings settings;
    private CaHierarchy hierarchy;
    private CeremonyFolder ceremonyFolder;
    private IssuingCa ca;
    private CertificateIssuer issuer;
    private volatile OcspSigner ocspSigner;
    private TicketSigningKey ticketKey;
    private AuditSigningKey auditKey;
    private Map<CardMasterKey.Purpose, CardMasterKey> cardMasterKeys;
    private CardAttestationCa cardAttestationCa;

    @PostConstruct
    void open() {
        settings = CaSettings.from(System::getProperty);
        CaKeyStore store = CaKeyStoreFactory.open(System::getProperty, System::getenv);
        hierarchy = new CaHierarchy(store, settings, clock);
        ceremonyFolder = CaKeyStoreFactory.ceremonyFolder(System::getProperty);
        ca = new IssuingCaSetup(store, settings, clock, ceremonyFolder, new Settings().developmentMode(),
                CaKeyStoreFactory.developmentRootFolder(System::getProperty)).open();
        issuer = new CertificateIssuer(ca, settings);
        ocspSigner = hierarchy.ocspSigner(ca);
        RaKeyring keyring = new RaKeyring(store, settings, clock);
        ticketKey = keyring.ticketKey();
        auditKey = keyring.auditKey();
        cardMasterKeys = keyring.cardMasterKeys();
        cardAttestationCa = new CardAttestationCa(store, settings, clock);
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

    /** Where the offline root ceremony leaves the root certificate and CRL (ADR 0010). */
    public CeremonyFolder ceremonyFolder() {
        return ceremonyFolder;
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

    public TicketSigningKey ticketKey() {
        return ticketKey;
    }

    /**
     * The audit checkpoint key for the audit trail, which may not depend on the CA (the CA writes to
     * the trail): the trail injects the handle, and this is where it comes from.
     */
    @Produces
    public AuditSigningKey auditKey() {
        return auditKey;
    }

    public CardMasterKey cardMasterKey(CardMasterKey.Purpose purpose) {
        return cardMasterKeys.get(purpose);
    }

    public CardAttestationCa cardAttestationCa() {
        return cardAttestationCa;
    }

    /** The issuer as stored with every certificate: RFC 2253 text of the issuing CA's subject. */
    public String issuerDn() {
        return ca.certificate().getSubjectX500Principal().getName();
    }
}
