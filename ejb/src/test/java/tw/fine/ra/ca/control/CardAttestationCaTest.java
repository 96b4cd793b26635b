package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.x509.AttestationException;
import tw.fine.ra.card.protocol.x509.AttestationVerifier;

/** The card-attestation CA certifies a card's F9 key so that the card's attestations verify to it. */
class CardAttestationCaTest {

    static final String GUID = "00112233445566778899AABBCCDDEEFF";

    @TempDir
    Path dir;

    private CardAttestationCa open() {
        return new CardAttestationCa(new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "changeit".toCharArray()),
                CaSettings.defaults(), Clock.systemUTC());
    }

    @Test
    void theF9CertificateIsACaForTheCardsAttestationsOnlyAndNamesTheCard() throws Exception {
        X509Certificate f9 = open().certify(Csrs.ec("secp256r1").getPublic(), GUID.toLowerCase());

        assertEquals(0, f9.getBasicConstraints());
        assertTrue(f9.getKeyUsage()[5], "keyCertSign");
        assertEquals(1, java.util.stream.IntStream.range(0, 9).filter(i -> f9.getKeyUsage()[i]).count());
        assertTrue(f9.getSubjectX500Principal().getName().contains("CN=FINE RA PIV Attestation " + GUID),
                f9.getSubjectX500Principal().getName());
        assertEquals(open().certificate().getSubjectX500Principal(), f9.getIssuerX500Principal());
    }

    @Test
    void theCaIsMadeOnceAndTheSameAfterReopening() {
        assertEquals(open().certificate(), open().certificate());
    }

    @Test
    @NeedsOsTools
    void anAttestationSignedWithTheCertifiedKeyVerifiesWithPkixAndOpenssl() throws Exception {
        CardAttestationCa ca = open();
        KeyPair attestationKey = Csrs.ec("secp256r1");
        X509Certificate f9 = ca.certify(attestationKey.getPublic(), GUID);
        KeyPair cardKey = Csrs.ec("secp256r1");
        X509Certificate attestation = attestation(f9, attestationKey, cardKey, GUID);

        AttestationVerifier.Attested attested = new AttestationVerifier(ca.certificate(), Clock.systemUTC())
                .verify(attestation.getEncoded(), f9.getEncoded(), cardKey.getPublic(), Slot.SIGNATURE, GUID);
        Openssl.pem(dir.resolve("ca.pem"), ca.certificate());
        Openssl.pem(dir.resolve("f9.pem"), f9);
        Openssl.pem(dir.resolve("attestation.pem"), attestation);
        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "ca.pem", "-untrusted", "f9.pem",
                "attestation.pem");

        assertEquals(GUID, attested.cardGuid());
        assertTrue(verify.ok(), verify.output());
    }

    @Test
    void anotherCasF9CertificateDoesNotVerify() throws Exception {
        KeyPair attestationKey = Csrs.ec("secp256r1");
        X509Certificate f9 = open().certify(attestationKey.getPublic(), GUID);
        KeyPair cardKey = Csrs.ec("secp256r1");
        CardAttestationCa other = new CardAttestationCa(new Pkcs12CaKeyStore(dir.resolve("other.p12"),
                "changeit".toCharArray()), CaSettings.defaults(), Clock.systemUTC());

        AttestationException refused = assertThrows(AttestationException.class, () ->
                new AttestationVerifier(other.certificate(), Clock.systemUTC()).verify(
                        attestation(f9, attestationKey, cardKey, GUID).getEncoded(), f9.getEncoded(),
                        cardKey.getPublic(), Slot.SIGNATURE, GUID));
        assertEquals(AttestationException.Reason.UNTRUSTED, refused.reason());
    }

    @Test
    void onlyAP256KeyAndAWellFormedGuidAreCertified() {
        CardAttestationCa ca = open();
        assertThrows(IllegalArgumentException.class, () -> ca.certify(Csrs.rsa(2048).getPublic(), GUID));
        assertThrows(IllegalArgumentException.class, () -> ca.certify(Csrs.ec("secp256r1").getPublic(), "00"));
        assertThrows(IllegalArgumentException.class, () -> ca.certify(Csrs.ec("secp256r1").getPublic(),
                "CN=X, " + GUID));
    }

    /** What the card builds with INS F9 (applet): signed by F9, issuer = the F9 subject, GUID and slot inside. */
    static X509Certificate attestation(X509Certificate f9, KeyPair attestationKey, KeyPair cardKey, String guid)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(f9.getSubjectX500Principal().getEncoded()), BigInteger.TEN,
                Date.from(now.minus(1, ChronoUnit.HOURS)), f9.getNotAfter(),
                new X500Name("CN=FINE RA PIV Attestation 9C"), cardKey.getPublic());
        builder.addExtension(new ASN1ObjectIdentifier(AttestationVerifier.GUID_EXTENSION), false,
                new DEROctetString(HexFormat.of().parseHex(guid)));
        builder.addExtension(new ASN1ObjectIdentifier(AttestationVerifier.SLOT_EXTENSION), false,
                new DEROctetString(new byte[] {(byte) 0x9C}));
        return new Signing(attestationKey.getPrivate(), KeyAlgorithm.EC_P256, Bc.PROVIDER).sign(builder);
    }
}
