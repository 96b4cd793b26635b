package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

/** The CA with its keys on a real PKCS#11 token (SoftHSM2 through SunPKCS11). */
@NeedsOsTools
class Pkcs11CaKeyStoreTest {

    @TempDir
    static Path dir;
    static int slot;

    @BeforeAll
    static void token() {
        slot = SoftHsm.token();
    }

    private static Pkcs11CaKeyStore open(String name) {
        return new Pkcs11CaKeyStore(name, SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
    }

    @Test
    void caCreatedOnTheTokenIssuesCertificatesAndCrlsOpensslAccepts() {
        TestCa ca = new TestCa(dir, open("FineCaTest1"));
        X509Certificate cert = ca.issue(Csrs.ec("secp256r1").getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("ee.pem"), cert);
        ca.chainPem(dir);
        Instant now = Instant.now();
        Openssl.pemCrl(dir.resolve("crl.pem"), new CrlBuilder(ca.ca).full(BigInteger.ONE, now,
                now.plus(Duration.ofHours(24)), List.of(new RevokedEntry(BigInteger.TEN, now, RevocationReason.KEY_COMPROMISE))));

        Openssl.Result verify = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "crl.pem", "ee.pem");
        Openssl.Result crl = Openssl.run(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout");

        assertTrue(verify.ok(), verify.output());
        assertTrue(crl.output().contains("verify OK"), crl.output());
    }

    @Test
    void keysStayOnTheTokenAsSensitiveObjectsAndReloadInANewSession() {
        TestCa first = new TestCa(dir, open("FineCaTest2"));
        TestCa second = new TestCa(dir, open("FineCaTest3"));
        PrivateKey key = second.ca.signing().key();

        assertEquals(first.ca.certificate(), second.ca.certificate());
        // a token key is a handle: there is nothing to encode
        assertNull(key.getEncoded());
        String objects = SoftHsm.listObjects();
        assertTrue(objects.contains("label:      " + CaHierarchy.ISSUING_ALIAS), objects);
        assertTrue(objects.contains("Access:     sensitive, always sensitive, never extractable, local"), objects);
    }
}
