package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code wildfly-config/ca-ceremony.sh} against a server key store, end to end, judged by
 * {@code openssl}: the server refuses and writes its request, the script creates the root, certifies
 * the request and signs the root CRL, the server imports, and a subscriber certificate verifies with
 * CRL checks on the whole chain until the ceremony revokes the issuing CA.
 */
@NeedsOsTools
class CeremonyScriptTest {

    @TempDir
    Path dir;

    @Test
    void theCeremonyScriptCertifiesTheServersIssuingCaAndOpensslChecksTheChainAgainstBothCrls() {
        Pkcs12CaKeyStore online = new Pkcs12CaKeyStore(dir.resolve("server/ca.p12"), "changeit".toCharArray());
        CeremonyFolder folder = new CeremonyFolder(dir.resolve("server/ceremony"));
        assertThrows(IllegalStateException.class, () -> start(online, folder));

        script("init-root", "--root", dir.resolve("root").toString());
        script("sign-issuing", "--root", dir.resolve("root").toString(), "--csr", folder.request().toString());
        String crl = script("sign-crl", "--root", dir.resolve("root").toString(), "--out", folder.path().toString());
        IssuingCa ca = start(online, folder);

        assertTrue(crl.contains("root CRL number 2"), crl);
        assertFalse(online.contains(CaHierarchy.ROOT_ALIAS));
        Openssl.Result text = Openssl.run(folder.path(), "x509", "-in", CeremonyFolder.ISSUING_CERTIFICATE, "-noout", "-text");
        assertTrue(text.output().contains("CA:TRUE, pathlen:0"), text.output());
        assertTrue(text.output().contains("Certificate Sign, CRL Sign"), text.output());
        assertTrue(text.output().contains("Policy: 1.3.6.1.4.1.4711.1.1"), text.output());
        assertTrue(text.output().contains("URI:http://pki.example.tw/pki/crl/fine-root-ca.crl"), text.output());
        assertTrue(text.output().contains("CA Issuers - URI:http://pki.example.tw/pki/ca/fine-root-ca.cer"), text.output());
        Openssl.Result rootCrl = Openssl.run(folder.path(), "crl", "-in", CeremonyFolder.ROOT_CRL, "-CAfile",
                CeremonyFolder.ROOT_CERTIFICATE, "-verify", "-noout", "-text");
        assertTrue(rootCrl.output().contains("verify OK"), rootCrl.output());
        assertTrue(rootCrl.output().contains("X509v3 CRL Number: \n                2"), rootCrl.output());

        subscriberChain(ca);
        Openssl.Result good = verifyWithBothCrls(folder);
        assertTrue(good.ok(), good.output());

        script("sign-crl", "--root", dir.resolve("root").toString(), "--out", folder.path().toString(),
                "--revoke", folder.issuingCertificate().toString(), "--reason", "cACompromise");
        Openssl.Result revoked = verifyWithBothCrls(folder);
        assertFalse(revoked.ok(), revoked.output());
        assertTrue(revoked.output().contains("certificate revoked"), revoked.output());
    }

    private static IssuingCa start(CaKeyStore online, CeremonyFolder folder) {
        return new IssuingCaSetup(online, OfflineRootTest.SETTINGS, Clock.systemUTC(), folder, false,
                folder.path().resolveSibling("development-root")).open();
    }

    /** A subscriber certificate and an issuing CA CRL, as the server makes them, beside the ceremony's files. */
    private void subscriberChain(IssuingCa ca) {
        CertificateIssuer issuer = new CertificateIssuer(ca, OfflineRootTest.SETTINGS);
        Instant now = Instant.now();
        X509Certificate subscriber = issuer.issue(TestCa.SUBSCRIBER, Csrs.rsa(2048).getPublic(),
                CertificateProfile.SIGNING, new SerialNumbers().next(), now, issuer.notAfter(now));
        Openssl.pem(dir.resolve("ee.pem"), subscriber);
        Openssl.pemCrl(dir.resolve("issuing.crl"), new CrlBuilder(ca).full(BigInteger.ONE, now,
                now.plus(Duration.ofHours(24)), List.of()));
    }

    private Openssl.Result verifyWithBothCrls(CeremonyFolder folder) {
        return Openssl.run(dir, "verify", "-crl_check_all", "-CAfile", folder.rootCertificate().toString(),
                "-untrusted", folder.issuingCertificate().toString(), "-CRLfile", folder.rootCrl().toString(),
                "-CRLfile", "issuing.crl", "ee.pem");
    }

    /** Runs the script from the repository's top, as the README says, on the test's own class path. */
    private String script(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "wildfly-config/ca-ceremony.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().getParent().toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("FINE_"));
        environment.putAll(Map.of("FINE_CEREMONY_CLASSPATH", System.getProperty("java.class.path"),
                "FINE_ROOT_PASSPHRASE", "a long root passphrase", "FINE_CA_ROOT_KEY", "RSA-2048",
                "FINE_CA_PUBLIC_URL", "http://pki.example.tw/pki", "FINE_CA_POLICY_OID", "1.3.6.1.4.1.4711.1.1"));
        Openssl.Result result = Openssl.execute(builder);
        if (!result.ok()) {
            throw new AssertionError("ca-ceremony.sh " + String.join(" ", args) + " failed:\n" + result.output());
        }
        return result.output();
    }
}
