package tw.fine.ra.ca.control;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides at start how the server comes by its issuing CA (ADR 0010). The root's key is never in
 * the online key store: without an issuing CA certificate the server generates the issuing key,
 * writes its request into the ceremony folder and imports what the offline root ceremony brought
 * back there; in production it refuses to start until then, naming the request and the command. In
 * development mode a stand-in root in its own folder (its passphrase generated beside it) signs at
 * once. A key store of an earlier version that still holds the root key is refused in production and
 * has the key moved into the stand-in root in development.
 */
public final class IssuingCaSetup {

    private static final Logger LOG = Logger.getLogger(IssuingCaSetup.class.getName());
    static final String COMMAND = "bash wildfly-config/ca-ceremony.sh";

    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;
    private final CeremonyFolder folder;
    private final boolean developmentMode;
    private final Path developmentRoot;

    public IssuingCaSetup(CaKeyStore store, CaSettings settings, Clock clock, CeremonyFolder folder,
            boolean developmentMode, Path developmentRoot) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.folder = folder;
        this.developmentMode = developmentMode;
        this.developmentRoot = developmentRoot;
    }

    /**
     * @throws IllegalStateException in production, when the store holds the root key or no issuing CA
     *         certificate has been brought yet; the message says what to do
     */
    public IssuingCa open() {
        CaHierarchy hierarchy = new CaHierarchy(store, settings, clock);
        if (hierarchy.holdsRootKey()) {
            takeRootKeyOffline();
        }
        Optional<IssuingCa> ca = hierarchy.issuingCa();
        if (ca.isPresent()) {
            if (developmentMode) {
                standInRoot().ifPresent(this::deliver);
            }
            return ca.get();
        }
        Path request = hierarchy.requestIssuingCertificate(folder);
        if (developmentMode) {
            OfflineRoot root = standInRoot().orElseGet(this::newStandInRoot);
            folder.deliverIssuing(root.certifyIssuingCa(Pem.read(request)));
            deliver(root);
            LOG.warning(() -> "development mode: the issuing CA was certified by the stand-in root in " + developmentRoot);
        }
        if (!folder.holdsSignedCertificates()) {
            throw new IllegalStateException("FINE RA refuses to start: the CA key store holds no issuing CA certificate."
                    + " The issuing CA's key is generated and its request written to " + request + ". At the offline"
                    + " root run: " + COMMAND + " sign-issuing --root <root folder> --csr issuing-ca.csr; then put the "
                    + CeremonyFolder.ISSUING_CERTIFICATE + ", " + CeremonyFolder.ROOT_CERTIFICATE + " and "
                    + CeremonyFolder.ROOT_CRL + " it writes into " + folder.path() + " and start again (ADR 0010).");
        }
        IssuingCa imported = hierarchy.importIssuingCertificate(folder);
        LOG.info(() -> "issuing CA certificate imported from " + folder.issuingCertificate() + ": "
                + imported.certificate().getSubjectX500Principal() + ", serial "
                + imported.certificate().getSerialNumber().toString(16));
        return imported;
    }

    private void takeRootKeyOffline() {
        if (!developmentMode) {
            throw new IllegalStateException("FINE RA refuses to start: the CA key store still holds the root CA's"
                    + " private key (alias " + CaHierarchy.ROOT_ALIAS + "), which an earlier version kept online and"
                    + " which belongs offline (ADR 0010). Stop the server and run " + COMMAND
                    + " take-root-offline --keystore <this key store> --root <new offline root folder>, keep that"
                    + " folder offline, put its root.cer and root.crl into " + folder.path() + " and start again.");
        }
        if (standInRoot().isPresent()) {
            throw new IllegalStateException("the CA key store holds a root key and " + developmentRoot
                    + " another root; remove one of them");
        }
        newStandInRootFolder().adopt(store);
        LOG.warning(() -> "development mode: the root key an earlier version kept in the CA key store was moved to "
                + developmentRoot);
    }

    /** The stand-in root's certificate and CRL for the server to publish, the CRL signed again a month before it ends. */
    private void deliver(OfflineRoot root) {
        Instant soon = clock.instant().plus(Duration.ofDays(30));
        if (root.crl().map(crl -> crl.nextUpdate().isBefore(soon)).orElse(true)) {
            root.signCrl(List.of());
        }
        root.deliverTo(folder);
    }

    private Optional<OfflineRoot> standInRoot() {
        OfflineRoot root = newStandInRootFolder();
        return root.exists() ? Optional.of(root) : Optional.empty();
    }

    private OfflineRoot newStandInRoot() {
        OfflineRoot root = newStandInRootFolder();
        root.create();
        return root;
    }

    private OfflineRoot newStandInRootFolder() {
        Path keyStore = developmentRoot.resolve(OfflineRoot.KEY_STORE);
        return OfflineRoot.at(developmentRoot, LocalSecret.beside(keyStore), settings, clock);
    }
}
