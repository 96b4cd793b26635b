package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

@NeedsOsTools
class CrlInteropTest {

    @TempDir
    static Path dir;
    static TestCa ca;
    static X509Certificate cert;

    @BeforeAll
    static void issue() {
        ca = new TestCa(dir);
        cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("ee.pem"), cert);
        ca.chainPem(dir);
    }

    @Test
    void freshCertificatePassesCrlCheckAndIsRejectedOnceRevoked() {
        crl("empty.pem", BigInteger.ONE, List.of());
        Openssl.Result before = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "empty.pem", "ee.pem");
        assertTrue(before.ok(), before.output());

        crl("revoked.pem", BigInteger.TWO, List.of(entry(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE)));
        Openssl.Result after = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "revoked.pem", "ee.pem");
        assertFalse(after.ok(), after.output());
        assertTrue(after.output().contains("certificate revoked"), after.output());
    }

    @Test
    void opensslVerifiesTheCrlSignatureAndReadsNumberReasonAndHold() {
        BigInteger other = ca.serials.next();
        crl("crl.pem", BigInteger.valueOf(42), List.of(entry(cert.getSerialNumber(), RevocationReason.CERTIFICATE_HOLD),
                entry(other, RevocationReason.SUPERSEDED), entry(ca.serials.next(), RevocationReason.UNSPECIFIED)));

        Openssl.Result result = Openssl.run(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout", "-text");

        assertTrue(result.ok(), result.output());
        assertTrue(result.output().contains("verify OK"), result.output());
        assertTrue(result.output().contains("X509v3 CRL Number: \n                42"), result.output());
        assertTrue(result.output().contains("Certificate Hold"), result.output());
        assertTrue(result.output().contains("Superseded"), result.output());
        assertTrue(result.output().contains(cert.getSerialNumber().toString(16).toUpperCase()), result.output());
        assertTrue(result.output().contains("X509v3 Authority Key Identifier"), result.output());
    }

    @Test
    void aCertificateOnHoldIsRejectedByOpensslUntilReleased() {
        crl("held.pem", BigInteger.TEN, List.of(entry(cert.getSerialNumber(), RevocationReason.CERTIFICATE_HOLD)));
        Openssl.Result held = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "held.pem", "ee.pem");
        assertFalse(held.ok(), held.output());

        crl("released.pem", BigInteger.valueOf(11), List.of());
        Openssl.Result released = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "released.pem", "ee.pem");
        assertTrue(released.ok(), released.output());
    }

    private static RevokedEntry entry(BigInteger serial, RevocationReason reason) {
        return new RevokedEntry(serial, Instant.now().minusSeconds(60), reason);
    }

    private static void crl(String file, BigInteger number, List<RevokedEntry> entries) {
        Instant now = Instant.now();
        byte[] der = new CrlBuilder(ca.ca).full(number, now, now.plus(Duration.ofHours(24)), entries);
        Openssl.pemCrl(dir.resolve(file), der);
    }
}
