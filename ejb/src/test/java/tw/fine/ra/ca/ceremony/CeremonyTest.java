package tw.fine.ra.ca.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.control.CaHierarchy;
import tw.fine.ra.ca.control.CaSettings;
import tw.fine.ra.ca.control.OfflineRoot;
import tw.fine.ra.ca.control.Pkcs12CaKeyStore;

/** The ceremony's commands as the script passes them, with the environment it reads. */
class CeremonyTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>(Map.of(
            "FINE_ROOT_PASSPHRASE", "a long root passphrase",
            "FINE_CA_ROOT_KEY", "RSA-2048",
            "FINE_CA_PUBLIC_URL", "http://pki.example.tw/pki",
            "FINE_CA_POLICY_OID", "1.3.6.1.4.1.4711.1.1"));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        return Ceremony.run(List.of(args), environment::get, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @Test
    void initRootTakesTheSettingsFromTheServersVariablesAndPrintsTheFingerprint() {
        environment.put("FINE_CA_ROOT_NAME", "Test Root CA");

        assertEquals(0, run("init-root", "--root", dir.resolve("root").toString()));

        assertTrue(output.toString(StandardCharsets.UTF_8).contains("SHA-256 fingerprint"), output.toString());
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("CN=Test Root CA"), output.toString());
        assertTrue(Files.exists(dir.resolve("root/root.crl")));
    }

    @Test
    void thePlaceholderPolicyOidAndLocalhostUrlsAreRefusedOutsideDevelopmentMode() {
        environment.remove("FINE_CA_POLICY_OID");
        environment.put("FINE_CA_PUBLIC_URL", "http://localhost:8080/pki");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> run("init-root", "--root", dir.resolve("root").toString()));
        assertTrue(refused.getMessage().contains("FINE_CA_POLICY_OID") && refused.getMessage().contains("FINE_CA_PUBLIC_URL"));
        assertFalse(Files.exists(dir.resolve("root/root.p12")));

        environment.put("FINE_MODE", "development");
        assertEquals(0, run("init-root", "--root", dir.resolve("root").toString()));
    }

    @Test
    void aShortPassphraseAndASecondRootInTheSameFolderAreRefused() {
        environment.put("FINE_ROOT_PASSPHRASE", "short");
        assertThrows(IllegalArgumentException.class, () -> run("init-root", "--root", dir.resolve("root").toString()));

        environment.put("FINE_ROOT_PASSPHRASE", "a long root passphrase");
        run("init-root", "--root", dir.resolve("root").toString());
        assertThrows(IllegalArgumentException.class, () -> run("init-root", "--root", dir.resolve("root").toString()));
    }

    @Test
    void takeRootOfflineMovesTheRootKeyOutOfAnOldServerKeyStore() {
        // an old server key store: the root key under its alias, in a PKCS#12 file with the server's secret
        Path old = dir.resolve("old");
        X509Certificate root = OfflineRoot.at(old, "server secret".toCharArray(),
                CaSettings.from(name -> name.equals("fine.ca.root.key") ? "RSA-2048" : null), Clock.systemUTC()).create();
        environment.put("FINE_CA_KEYSTORE_SECRET", "server secret");

        assertEquals(0, run("take-root-offline", "--keystore", old.resolve("root.p12").toString(),
                "--root", dir.resolve("offline").toString(), "--out", dir.resolve("ceremony").toString()));

        assertFalse(new Pkcs12CaKeyStore(old.resolve("root.p12"), "server secret".toCharArray())
                .contains(CaHierarchy.ROOT_ALIAS));
        OfflineRoot offline = OfflineRoot.at(dir.resolve("offline"), "a long root passphrase".toCharArray(),
                CaSettings.from(name -> null), Clock.systemUTC());
        assertEquals(root, offline.certificate());
        assertTrue(offline.crl().isPresent());
        assertTrue(Files.exists(dir.resolve("ceremony/root.crl")) && Files.exists(dir.resolve("ceremony/root.cer")));
    }

    @Test
    void unknownCommandsAndMissingOptionsShowTheUsage() {
        assertEquals(2, run());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> run("sign-issuing",
                "--root", dir.toString()));
        assertTrue(missing.getMessage().contains("--csr is required"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("make-me-a-ca"));
    }
}
