package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server comes by its issuing CA at start, in production and in development (ADR 0010). */
class IssuingCaSetupTest {

    @TempDir
    Path dir;

    private Pkcs12CaKeyStore online() {
        return new Pkcs12CaKeyStore(dir.resolve("server/ca.p12"), "changeit".toCharArray());
    }

    private CeremonyFolder folder() {
        return new CeremonyFolder(dir.resolve("server/ceremony"));
    }

    private IssuingCaSetup start(boolean developmentMode) {
        return new IssuingCaSetup(online(), OfflineRootTest.SETTINGS, Clock.systemUTC(), folder(), developmentMode,
                dir.resolve("server/development-root"));
    }

    private OfflineRoot offlineRoot() {
        OfflineRoot root = OfflineRoot.at(dir.resolve("offline"), OfflineRootTest.PASSPHRASE, OfflineRootTest.SETTINGS,
                Clock.systemUTC());
        if (!root.exists()) {
            root.create();
        }
        return root;
    }

    /** What the operator does between two starts: the ceremony, then its files into the ceremony folder. */
    private X509Certificate ceremony() {
        OfflineRoot root = offlineRoot();
        X509Certificate issuing = root.certifyIssuingCa(Pem.read(folder().request()));
        folder().deliverIssuing(issuing);
        root.deliverTo(folder());
        return issuing;
    }

    @Test
    void productionWithoutAnIssuingCertificateRefusesNamingTheRequestAndTheCommand() throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(false).open());

        assertTrue(refused.getMessage().contains(folder().request().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("bash wildfly-config/ca-ceremony.sh sign-issuing"), refused.getMessage());
        assertTrue(refused.getMessage().contains(folder().path().toString()), refused.getMessage());
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(Pem.read(folder().request()));
        assertEquals(Names.dn(OfflineRootTest.SETTINGS.issuingDn()), request.getSubject());
        assertFalse(online().contains(CaHierarchy.ROOT_ALIAS));

        // a second refused start keeps the key: the request the operator carried away stays good
        assertThrows(IllegalStateException.class, () -> start(false).open());
        assertEquals(request.getSubjectPublicKeyInfo(),
                new PKCS10CertificationRequest(Pem.read(folder().request())).getSubjectPublicKeyInfo());
    }

    @Test
    void productionImportsWhatTheCeremonyBroughtAndTheKeyStoreHoldsNoRootKey() throws Exception {
        assertThrows(IllegalStateException.class, () -> start(false).open());
        X509Certificate issued = ceremony();

        IssuingCa ca = start(false).open();

        assertEquals(issued, ca.certificate());
        assertEquals(offlineRoot().certificate(), ca.root());
        assertFalse(online().contains(CaHierarchy.ROOT_ALIAS));
        assertFalse(online().privateKey(CaHierarchy.ROOT_ALIAS).isPresent());
        assertEquals(issued, start(false).open().certificate(), "the next start loads it from the key store");
    }

    @Test
    void aCertificateForAnotherKeyIsNotImported() {
        assertThrows(IllegalStateException.class, () -> start(false).open());
        byte[] otherServersRequest = OfflineRootTest.serversRequest(dir.resolve("other"));
        OfflineRoot root = offlineRoot();
        folder().deliverIssuing(root.certifyIssuingCa(otherServersRequest));
        root.deliverTo(folder());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(false).open());

        assertTrue(refused.getMessage().contains("another key"), refused.getMessage());
    }

    @Test
    void aCertificateThatDoesNotChainToTheRootBroughtWithItIsNotImported() {
        assertThrows(IllegalStateException.class, () -> start(false).open());
        ceremony();
        OfflineRoot stranger = OfflineRoot.at(dir.resolve("stranger"), OfflineRootTest.PASSPHRASE,
                OfflineRootTest.SETTINGS, Clock.systemUTC());
        stranger.create();
        stranger.deliverTo(folder());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(false).open());

        assertTrue(refused.getMessage().contains("does not chain"), refused.getMessage());
    }

    @Test
    void developmentModeHasAStandInRootOutsideTheKeyStoreSignAtOnce() throws Exception {
        IssuingCa ca = start(true).open();

        ca.certificate().verify(ca.root().getPublicKey());
        assertEquals(0, ca.certificate().getBasicConstraints());
        assertFalse(online().contains(CaHierarchy.ROOT_ALIAS));
        assertTrue(Files.exists(dir.resolve("server/development-root/root.p12")));
        SignedCrl crl = SignedCrl.verified(folder().rootCrlDer().orElseThrow(), ca.root());
        assertTrue(crl.entries().isEmpty());
        assertEquals(ca.certificate(), start(true).open().certificate());
    }

    @Test
    void aKeyStoreOfAnEarlierVersionWithTheRootKeyIsRefusedInProduction() {
        X509Certificate legacyIssuing = legacyKeyStore();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(false).open());

        assertTrue(refused.getMessage().contains("root CA's private key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ca-ceremony.sh take-root-offline"), refused.getMessage());
        assertTrue(online().contains(CaHierarchy.ROOT_ALIAS), "nothing is changed by a refused start");
        assertEquals(legacyIssuing, online().chain(CaHierarchy.ISSUING_ALIAS)[0]);
    }

    @Test
    void aKeyStoreOfAnEarlierVersionHasItsRootKeyMovedOutInDevelopmentKeepingTheSameCertificates() throws Exception {
        X509Certificate legacyIssuing = legacyKeyStore();
        X509Certificate legacyRoot = online().chain(CaHierarchy.ROOT_ALIAS)[0];

        IssuingCa ca = start(true).open();

        assertEquals(legacyIssuing, ca.certificate());
        assertEquals(legacyRoot, ca.root());
        assertFalse(online().contains(CaHierarchy.ROOT_ALIAS));
        OfflineRoot standIn = OfflineRoot.at(dir.resolve("server/development-root"),
                LocalSecret.beside(dir.resolve("server/development-root/root.p12")), OfflineRootTest.SETTINGS,
                Clock.systemUTC());
        assertEquals(legacyRoot, standIn.certificate());
        assertArrayEquals(legacyRoot.getEncoded(), Pem.read(folder().rootCertificate()));
        SignedCrl.verified(folder().rootCrlDer().orElseThrow(), legacyRoot);
    }

    /** The layout versions before ADR 0010 left: root key and issuing CA key in the one online store. */
    private X509Certificate legacyKeyStore() {
        Pkcs12CaKeyStore store = online();
        OfflineRoot rootInTheOnlineStore = new OfflineRoot(dir.resolve("legacy-root-files"), store,
                OfflineRootTest.SETTINGS, Clock.systemUTC());
        rootInTheOnlineStore.create();
        CaHierarchy hierarchy = new CaHierarchy(store, OfflineRootTest.SETTINGS, Clock.systemUTC());
        CeremonyFolder legacy = new CeremonyFolder(dir.resolve("legacy-ceremony"));
        legacy.deliverIssuing(rootInTheOnlineStore.certifyIssuingCa(Pem.read(hierarchy.requestIssuingCertificate(legacy))));
        rootInTheOnlineStore.deliverTo(legacy);
        return hierarchy.importIssuingCertificate(legacy).certificate();
    }
}
