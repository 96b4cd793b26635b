package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aRevocationDatedBackShowsTheRecordingTimeAsRevocationDateAndTheEarlierOneAsInvalidityDate() {
        Instant recorded = Instant.parse("2026-11-25T03:04:05Z");
        Instant keyLost = Instant.parse("2026-11-20T01:02:03.456Z");
        BigInteger other = ca.serials.next();
        crl("backdated.pem", BigInteger.valueOf(12), List.of(
                new RevokedEntry(cert.getSerialNumber(), recorded, RevocationReason.KEY_COMPROMISE, keyLost),
                new RevokedEntry(other, recorded, RevocationReason.UNSPECIFIED, keyLost)));

        Openssl.Result result = Openssl.run(dir, "crl", "-in", "backdated.pem", "-CAfile", "chain.pem", "-verify",
                "-noout", "-text");

        assertTrue(result.ok() && result.output().contains("verify OK"), result.output());
        String entry = result.output().substring(result.output().indexOf(cert.getSerialNumber().toString(16)
                .toUpperCase()));
        assertTrue(entry.startsWith(cert.getSerialNumber().toString(16).toUpperCase()
                + "\n        Revocation Date: Nov 25 03:04:05 2026 GMT"), entry);
        assertTrue(entry.contains("X509v3 CRL Reason Code: \n                Key Compromise"), entry);
        // whole seconds, GMT (RFC 5280 4.1.2.5.2)
        assertTrue(entry.contains("Invalidity Date: \n                Nov 20 01:02:03 2026 GMT"), entry);
        assertEquals(2, result.output().split("Invalidity Date", -1).length - 1, result.output());
    }

    @Test
    void anEntryWithoutAnInvalidityDateCarriesNone() {
        crl("plain.pem", BigInteger.valueOf(13), List.of(entry(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE)));

        Openssl.Result result = Openssl.run(dir, "crl", "-in", "plain.pem", "-noout", "-text");

        assertTrue(result.ok(), result.output());
        assertFalse(result.output().contains("Invalidity Date"), result.output());
    }

    @Test
    void opensslParsesTheDeltaCrlAndWithDeltasRejectsACertificateRevokedAfterTheBase() {
        BigInteger other = ca.serials.next();
        byte[] base = crl("base.pem", BigInteger.valueOf(20), List.of(entry(other, RevocationReason.SUPERSEDED)));
        byte[] delta = deltaCrl("delta.pem", BigInteger.valueOf(21), BigInteger.valueOf(20), base, List.of(
                entry(other, RevocationReason.SUPERSEDED), entry(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE)));
        Openssl.pemCrl(dir.resolve("base-and-delta.pem"), base, delta);

        Openssl.Result parsed = Openssl.run(dir, "crl", "-in", "delta.pem", "-CAfile", "chain.pem", "-verify", "-noout",
                "-text");
        Openssl.Result baseOnly = Openssl.run(dir, "verify", "-crl_check", "-use_deltas", "-CAfile", "chain.pem",
                "-CRLfile", "base.pem", "ee.pem");
        Openssl.Result withDelta = Openssl.run(dir, "verify", "-crl_check", "-use_deltas", "-CAfile", "chain.pem",
                "-CRLfile", "base-and-delta.pem", "ee.pem");

        assertTrue(parsed.ok() && parsed.output().contains("verify OK"), parsed.output());
        assertTrue(parsed.output().contains("X509v3 Delta CRL Indicator: critical\n                20"), parsed.output());
        assertTrue(parsed.output().contains("X509v3 CRL Number: \n                21"), parsed.output());
        assertEquals(1, parsed.output().split("Serial Number:", -1).length - 1, "only the change: " + parsed.output());
        assertTrue(baseOnly.ok(), "the base alone does not know it yet: " + baseOnly.output());
        assertFalse(withDelta.ok(), withDelta.output());
        assertTrue(withDelta.output().contains("certificate revoked"), withDelta.output());
    }

    @Test
    void opensslWithDeltasAcceptsACertificateWhoseHoldOnTheBaseTheDeltaRemoves() {
        byte[] base = crl("held-base.pem", BigInteger.valueOf(30),
                List.of(entry(cert.getSerialNumber(), RevocationReason.CERTIFICATE_HOLD)));
        byte[] delta = deltaCrl("release-delta.pem", BigInteger.valueOf(31), BigInteger.valueOf(30), base, List.of());
        Openssl.pemCrl(dir.resolve("held-and-released.pem"), base, delta);

        Openssl.Result text = Openssl.run(dir, "crl", "-in", "release-delta.pem", "-noout", "-text");
        Openssl.Result baseOnly = Openssl.run(dir, "verify", "-crl_check", "-use_deltas", "-CAfile", "chain.pem",
                "-CRLfile", "held-base.pem", "ee.pem");
        Openssl.Result released = Openssl.run(dir, "verify", "-crl_check", "-use_deltas", "-CAfile", "chain.pem",
                "-CRLfile", "held-and-released.pem", "ee.pem");

        assertTrue(text.output().contains("Remove From CRL"), text.output());
        assertFalse(baseOnly.ok(), baseOnly.output());
        assertTrue(released.ok(), released.output());
    }

    private static byte[] deltaCrl(String file, BigInteger number, BigInteger baseNumber, byte[] base,
            List<RevokedEntry> now) {
        Instant at = Instant.now();
        byte[] der = new CrlBuilder(ca.ca).delta(number, baseNumber, at, at.plus(Duration.ofMinutes(15)),
                CrlChanges.since(base, now));
        Openssl.pemCrl(dir.resolve(file), der);
        return der;
    }

    private static RevokedEntry entry(BigInteger serial, RevocationReason reason) {
        return new RevokedEntry(serial, Instant.now().minusSeconds(60), reason);
    }

    private static byte[] crl(String file, BigInteger number, List<RevokedEntry> entries) {
        Instant now = Instant.now();
        byte[] der = new CrlBuilder(ca.ca, ca.settings.deltaCrlUrl()).full(number, now, now.plus(Duration.ofHours(24)),
                entries);
        Openssl.pemCrl(dir.resolve(file), der);
        return der;
    }
}
