package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaHierarchyTest {

    @TempDir
    Path dir;

    @Test
    void secondStartLoadsTheSameCaFromTheKeyStoreFile() {
        TestCa first = new TestCa(dir);
        TestCa second = new TestCa(dir);

        assertEquals(first.ca.certificate(), second.ca.certificate());
        assertEquals(first.ca.root(), second.ca.root());
    }

    @Test
    @NeedsOsTools
    void issuingCaChainsToTheRootAndMayNotSignCas() {
        TestCa ca = new TestCa(dir);
        Openssl.pem(dir.resolve("root.pem"), ca.ca.root());
        Openssl.pem(dir.resolve("issuing.pem"), ca.ca.certificate());

        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "root.pem", "issuing.pem");
        Openssl.Result text = Openssl.run(dir, "x509", "-in", "issuing.pem", "-noout", "-text");

        assertTrue(verify.ok(), verify.output());
        assertTrue(text.output().contains("CA:TRUE, pathlen:0"), text.output());
        assertTrue(text.output().contains("Certificate Sign, CRL Sign"), text.output());
        assertTrue(text.output().contains("Issuer: C = TW, O = FINE Certification Authority, CN = FINE Root CA"), text.output());
    }

    @Test
    @NeedsOsTools
    void ocspSignerIsDelegatedWithNoCheckAndChainsToTheIssuingCa() {
        TestCa ca = new TestCa(dir);
        OcspSigner signer = ca.hierarchy.ocspSigner(ca.ca);
        Openssl.pem(dir.resolve("ocsp.pem"), signer.certificate());
        ca.chainPem(dir);

        Openssl.Result text = Openssl.run(dir, "x509", "-in", "ocsp.pem", "-noout", "-text");
        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "chain.pem", "-purpose", "ocsphelper", "ocsp.pem");

        assertTrue(text.output().contains("OCSP Signing"), text.output());
        assertTrue(text.output().contains("OCSP No Check"), text.output());
        assertTrue(verify.ok(), verify.output());
    }

    @Test
    void ocspSignerIsKeptUntilDueAndRenewedWithANewKeyWhenDue() {
        TestCa ca = new TestCa(dir);
        OcspSigner first = ca.hierarchy.ocspSigner(ca.ca);
        Pkcs12CaKeyStore store = new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "changeit".toCharArray());

        OcspSigner again = new CaHierarchy(store, ca.settings, Clock.systemUTC()).ocspSigner(ca.ca);
        assertEquals(first.certificate(), again.certificate());

        // 30-day signer, renewed 7 days before its end: 24 days on it is due
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(24)), ZoneOffset.UTC);
        OcspSigner renewed = new CaHierarchy(store, ca.settings, later).ocspSigner(ca.ca);

        assertNotEquals(first.certificate().getSerialNumber(), renewed.certificate().getSerialNumber());
        assertNotEquals(first.certificate().getPublicKey(), renewed.certificate().getPublicKey());
        OcspSigner reloaded = new CaHierarchy(new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "changeit".toCharArray()),
                ca.settings, later).ocspSigner(ca.ca);
        assertEquals(renewed.certificate(), reloaded.certificate());
        assertSame(KeyAlgorithm.RSA_2048, renewed.signing().algorithm());
    }
}
