package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

class DeltaCrlTest {

    @TempDir
    static Path dir;
    static TestCa ca;
    static final Instant HELD_AT = Instant.parse("2026-12-01T02:03:04.567Z");
    static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @BeforeAll
    static void ca() {
        ca = new TestCa(dir);
    }

    @Test
    void aDeltaNamesItsBaseInACriticalIndicatorAndTakesTheNextNumberOfTheSameSequence() throws Exception {
        X509CRLHolder delta = new X509CRLHolder(delta(base(List.of()), List.of()));

        Extension indicator = delta.getExtension(Extension.deltaCRLIndicator);
        assertTrue(indicator.isCritical());
        assertEquals(BigInteger.valueOf(7), CRLNumber.getInstance(indicator.getParsedValue()).getCRLNumber());
        assertEquals(BigInteger.valueOf(9), CRLNumber.getInstance(delta.getExtension(Extension.cRLNumber)
                .getParsedValue()).getCRLNumber());
        assertNull(delta.getExtension(Extension.freshestCRL), "RFC 5280 5.2.6: never in a delta CRL");
        assertEquals(NOW.plus(Duration.ofMinutes(15)), delta.getNextUpdate().toInstant());
        assertTrue(delta.getRevokedCertificates().isEmpty(), "nothing changed since the base");
    }

    @Test
    void theFullCrlPointsAtTheDeltaInANonCriticalFreshestCrl() throws Exception {
        Extension freshest = new X509CRLHolder(base(List.of())).getExtension(Extension.freshestCRL);

        assertTrue(!freshest.isCritical());
        assertEquals(ca.settings.deltaCrlUrl(), url(freshest));
        assertTrue(ca.settings.deltaCrlUrl().endsWith("/crl/information-user-ca-delta.crl"), ca.settings.deltaCrlUrl());
    }

    @Test
    void issuedCertificatesCarryANonCriticalFreshestCrlNamingTheDeltaCrl() throws Exception {
        X509CertificateHolder cert = new X509CertificateHolder(ca.issue(Csrs.ec("secp256r1").getPublic(), CertificateProfile.SIGNING)
                .getEncoded());

        Extension freshest = cert.getExtension(Extension.freshestCRL);
        assertTrue(!freshest.isCritical());
        assertEquals(ca.settings.deltaCrlUrl(), url(freshest));
    }

    @Test
    void theDeltaListsWhatWasRevokedOrHeldSinceTheBaseAndAHoldMadeARevocationButNotWhatTheBaseHasAlready()
            throws Exception {
        RevokedEntry old = new RevokedEntry(BigInteger.valueOf(0x100), HELD_AT, RevocationReason.KEY_COMPROMISE,
                HELD_AT.minus(Duration.ofDays(2)));
        RevokedEntry plain = new RevokedEntry(BigInteger.valueOf(0x150), HELD_AT, RevocationReason.UNSPECIFIED);
        RevokedEntry held = new RevokedEntry(BigInteger.valueOf(0x200), HELD_AT, RevocationReason.CERTIFICATE_HOLD);
        RevokedEntry revokedNow = new RevokedEntry(BigInteger.valueOf(0x300), NOW, RevocationReason.SUPERSEDED);
        RevokedEntry heldMadeRevoked = new RevokedEntry(held.serial(), NOW, RevocationReason.CESSATION_OF_OPERATION);

        X509CRLHolder delta = new X509CRLHolder(delta(base(List.of(old, plain, held)), List.of(old, plain,
                heldMadeRevoked, revokedNow)));

        assertEquals(2, delta.getRevokedCertificates().size(), "the unchanged revocations with sub-second times stay out");
        assertEquals(CRLReason.cessationOfOperation, reason(delta.getRevokedCertificate(held.serial())));
        assertEquals(CRLReason.superseded, reason(delta.getRevokedCertificate(revokedNow.serial())));
        assertNull(delta.getRevokedCertificate(old.serial()));
    }

    @Test
    void aHoldReleasedSinceTheBaseIsListedAsRemoveFromCrl() throws Exception {
        RevokedEntry held = new RevokedEntry(BigInteger.valueOf(0xabc), HELD_AT, RevocationReason.CERTIFICATE_HOLD);
        RevokedEntry other = new RevokedEntry(BigInteger.valueOf(0xdef), HELD_AT, RevocationReason.CERTIFICATE_HOLD);

        X509CRLHolder delta = new X509CRLHolder(delta(base(List.of(held, other)), List.of(other)));

        X509CRLEntryHolder released = delta.getRevokedCertificate(held.serial());
        assertEquals(1, delta.getRevokedCertificates().size());
        assertEquals(CRLReason.removeFromCRL, reason(released));
        assertEquals(HELD_AT.truncatedTo(ChronoUnit.SECONDS), released.getRevocationDate().toInstant());
    }

    static byte[] base(List<RevokedEntry> entries) {
        return new CrlBuilder(ca.ca, ca.settings.deltaCrlUrl()).full(BigInteger.valueOf(7), NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(23)), entries);
    }

    static byte[] delta(byte[] base, List<RevokedEntry> now) {
        return new CrlBuilder(ca.ca).delta(BigInteger.valueOf(9), BigInteger.valueOf(7), NOW,
                NOW.plus(Duration.ofMinutes(15)), CrlChanges.since(base, now));
    }

    private static int reason(X509CRLEntryHolder entry) {
        return CRLReason.getInstance(entry.getExtensions().getExtension(Extension.reasonCode).getParsedValue())
                .getValue().intValueExact();
    }

    private static String url(Extension extension) {
        ASN1Primitive name = GeneralName.getInstance(((org.bouncycastle.asn1.x509.GeneralNames) CRLDistPoint
                .getInstance(extension.getParsedValue()).getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0]).getName().toASN1Primitive();
        return name.toString();
    }
}
