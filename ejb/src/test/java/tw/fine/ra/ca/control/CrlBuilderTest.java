package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * The CRL written entry by entry to DER is the CRL Bouncy Castle's own builder makes from the same
 * entries, byte for byte up to the signature, and its signature verifies with the CA's key.
 */
class CrlBuilderTest {

    @TempDir
    static Path dir;
    static TestCa ca;
    static final Instant NOW = Instant.parse("2026-12-07T03:04:05.678Z");

    @BeforeAll
    static void ca() {
        ca = new TestCa(dir);
    }

    @Test
    void aFullCrlIsTheOneBouncyCastlesBuilderMakes() throws Exception {
        List<RevokedEntry> entries = entries();
        byte[] ours = new CrlBuilder(ca.ca, ca.settings.deltaCrlUrl()).full(BigInteger.valueOf(300), NOW,
                NOW.plusSeconds(86_400), entries);

        X509v2CRLBuilder reference = reference(NOW, NOW.plusSeconds(86_400), entries);
        reference.addExtension(Extension.freshestCRL, false, Extensions.distributionPoint(ca.settings.deltaCrlUrl()));
        assertSameAsReference(ours, reference, BigInteger.valueOf(300));
        assertEquals(entries.size(), new X509CRLHolder(ours).getRevokedCertificates().size());
    }

    @Test
    void aCrlWithoutEntriesLeavesTheListOutAsBouncyCastleDoes() throws Exception {
        byte[] ours = new CrlBuilder(ca.ca).full(BigInteger.ONE, NOW, NOW.plusSeconds(3_600), List.of());

        assertSameAsReference(ours, reference(NOW, NOW.plusSeconds(3_600), List.of()), BigInteger.ONE);
    }

    @Test
    void aDeltaCrlWithRemovedEntriesIsTheOneBouncyCastlesBuilderMakes() throws Exception {
        List<RevokedEntry> listed = entries().subList(0, 20);
        List<RevokedEntry> removed = List.of(new RevokedEntry(BigInteger.valueOf(0xFF00), NOW.minusSeconds(999),
                RevocationReason.CERTIFICATE_HOLD));
        byte[] ours = new CrlBuilder(ca.ca).delta(BigInteger.valueOf(12), BigInteger.valueOf(11), NOW,
                NOW.plusSeconds(900), new CrlChanges(listed, removed));

        X509v2CRLBuilder reference = reference(NOW, NOW.plusSeconds(900), listed);
        ExtensionsGenerator remove = new ExtensionsGenerator();
        remove.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.removeFromCRL));
        reference.addCRLEntry(removed.get(0).serial(), Date.from(removed.get(0).revokedAt()), remove.generate());
        reference.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(11)));
        assertSameAsReference(ours, reference, BigInteger.valueOf(12));
    }

    /**
     * Serials of every length up to 20 octets, with and without the high bit (a leading zero octet),
     * every reason, some with an invalidity date, dates in UTCTime and one past 2049 in
     * GeneralizedTime; enough of them that the list's length takes three octets.
     */
    private static List<RevokedEntry> entries() {
        Random random = new Random(5280);
        RevocationReason[] reasons = RevocationReason.values();
        List<RevokedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            int bits = 1 + random.nextInt(159);
            Instant at = NOW.minusSeconds(random.nextInt(400_000_000)).minusMillis(random.nextInt(1000));
            Instant invalid = i % 7 == 0 ? at.minusSeconds(3_600).minusMillis(123) : null;
            entries.add(new RevokedEntry(new BigInteger(bits, random).setBit(bits - 1), at,
                    reasons[i % reasons.length], invalid));
        }
        entries.add(new RevokedEntry(BigInteger.valueOf(0x80), Instant.parse("2051-01-02T03:04:05Z"),
                RevocationReason.KEY_COMPROMISE));
        entries.add(new RevokedEntry(BigInteger.valueOf(0x7F), Instant.parse("1999-12-31T23:59:59.999Z"),
                RevocationReason.CESSATION_OF_OPERATION));
        return entries;
    }

    private static X509v2CRLBuilder reference(Instant thisUpdate, Instant nextUpdate, List<RevokedEntry> entries) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.ca.name(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (RevokedEntry entry : entries) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            try {
                if (entry.reason().code() != 0) {
                    extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason().code()));
                }
                if (entry.invalidSince() != null) {
                    extensions.addExtension(Extension.invalidityDate, false,
                            new org.bouncycastle.asn1.ASN1GeneralizedTime(Date.from(entry.invalidSince()
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()),
                    extensions.isEmpty() ? null : extensions.generate());
        }
        return builder;
    }

    private static void assertSameAsReference(byte[] ours, X509v2CRLBuilder reference, BigInteger number)
            throws Exception {
        reference.addExtension(Extension.authorityKeyIdentifier, false,
                Extensions.authorityKeyIdFor(ca.ca.certificate()));
        reference.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        X509CRLHolder expected = reference.build(ca.ca.signing().contentSigner());
        X509CRLHolder actual = new X509CRLHolder(ours);

        assertArrayEquals(expected.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER),
                actual.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER));
        assertArrayEquals(actual.toASN1Structure().getEncoded(ASN1Encoding.DER), ours, "DER: already canonical");
        assertTrue(actual.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(new JcaX509CertificateHolder(ca.ca.certificate()))));
    }
}
