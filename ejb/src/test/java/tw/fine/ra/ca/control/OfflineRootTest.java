package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

/** The offline root: what it creates, how it certifies an issuing CA, and its CRLs. */
class OfflineRootTest {

    /** Production-like settings: a public URL and a policy OID of our own arc; a small root key for speed. */
    static final CaSettings SETTINGS = CaSettings.from(name -> switch (name) {
        case "fine.ca.root.key" -> "RSA-2048";
        case "fine.ca.public.url" -> "http://pki.example.tw/pki";
        case "fine.ca.policy.oid" -> "1.3.6.1.4.1.4711.1.1";
        default -> null;
    });
    static final char[] PASSPHRASE = "a long root passphrase".toCharArray();

    @TempDir
    Path dir;

    private OfflineRoot root() {
        return OfflineRoot.at(dir.resolve("root"), PASSPHRASE, SETTINGS, Clock.systemUTC());
    }

    /** The request the server writes, from an online key store of its own. */
    static byte[] serversRequest(Path dir) {
        CaHierarchy server = new CaHierarchy(new Pkcs12CaKeyStore(dir.resolve("online/ca.p12"), "changeit".toCharArray()),
                SETTINGS, Clock.systemUTC());
        return Pem.read(server.requestIssuingCertificate(new CeremonyFolder(dir.resolve("online/ceremony"))));
    }

    @Test
    void aNewRootIsASelfSignedCaForCertificatesAndCrlsWithItsFirstCrlAndAPassphrase() throws Exception {
        X509Certificate root = root().create();

        root.verify(root.getPublicKey());
        assertEquals("CN=FINE Root CA,O=FINE Certification Authority,C=TW", root.getSubjectX500Principal().getName());
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, true, false, false}, root.getKeyUsage());
        assertTrue(root.getExtensionValue(Extension.subjectKeyIdentifier.getId()) != null);
        assertArrayEquals(root.getEncoded(), Pem.read(dir.resolve("root/root.cer")));
        SignedCrl first = root().crl().orElseThrow();
        assertEquals(BigInteger.ONE, first.number());
        assertTrue(first.entries().isEmpty());
        assertThrows(IllegalStateException.class, () -> OfflineRoot.at(dir.resolve("root"), "wrong".toCharArray(),
                SETTINGS, Clock.systemUTC()));
        assertThrows(IllegalStateException.class, () -> root().create(), "a second root in the same folder");
    }

    @Test
    void theIssuingCaCertificateHasPathLenZeroThePolicyAndTheRootsCrlAndCertificateUrls() throws Exception {
        OfflineRoot root = root();
        X509Certificate rootCertificate = root.create();
        byte[] request = serversRequest(dir);

        X509Certificate issuing = root.certifyIssuingCa(request);
        X509CertificateHolder parsed = new X509CertificateHolder(issuing.getEncoded());

        issuing.verify(rootCertificate.getPublicKey());
        assertEquals("CN=Information User CA,OU=User CA,O=FINE Certification Authority,C=TW",
                issuing.getSubjectX500Principal().getName());
        assertEquals(rootCertificate.getSubjectX500Principal(), issuing.getIssuerX500Principal());
        BasicConstraints constraints = BasicConstraints.fromExtensions(parsed.getExtensions());
        assertTrue(constraints.isCA() && constraints.getPathLenConstraint().intValueExact() == 0);
        assertTrue(parsed.getExtension(Extension.basicConstraints).isCritical());
        assertTrue(parsed.getExtension(Extension.keyUsage).isCritical());
        assertEquals(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), KeyUsage.fromExtensions(parsed.getExtensions()));
        assertArrayEquals(Extensions.keyId(issuing.getPublicKey()).getKeyIdentifier(),
                SubjectKeyIdentifier.fromExtensions(parsed.getExtensions()).getKeyIdentifier());
        assertArrayEquals(Extensions.authorityKeyIdFor(rootCertificate).getKeyIdentifier(),
                AuthorityKeyIdentifier.fromExtensions(parsed.getExtensions()).getKeyIdentifier());
        assertEquals("1.3.6.1.4.1.4711.1.1", CertificatePolicies.fromExtensions(parsed.getExtensions())
                .getPolicyInformation()[0].getPolicyIdentifier().getId());
        GeneralNames cdp = (GeneralNames) CRLDistPoint.fromExtensions(parsed.getExtensions()).getDistributionPoints()[0]
                .getDistributionPoint().getName();
        assertEquals("http://pki.example.tw/pki/crl/fine-root-ca.crl", uri(cdp.getNames()[0]));
        AccessDescription[] aia = AuthorityInformationAccess.fromExtensions(parsed.getExtensions()).getAccessDescriptions();
        assertEquals(1, aia.length, "the root has no OCSP responder");
        assertEquals(AccessDescription.id_ad_caIssuers, aia[0].getAccessMethod());
        assertEquals("http://pki.example.tw/pki/ca/fine-root-ca.cer", uri(aia[0].getAccessLocation()));
        assertTrue(Files.exists(dir.resolve("root/issued/" + issuing.getSerialNumber().toString(16) + ".cer")));
    }

    @Test
    void aRequestWhoseSignatureDoesNotVerifyIsRefused() {
        OfflineRoot root = root();
        root.create();
        byte[] request = serversRequest(dir);
        request[request.length - 5] ^= 1;

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> root.certifyIssuingCa(request));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void eachRootCrlHasTheNextNumberKeepsEveryRevocationAndLastsMonths() {
        OfflineRoot root = root();
        root.create();
        X509Certificate issuing = root.certifyIssuingCa(serversRequest(dir));

        root.signCrl(List.of());
        root.revoke(issuing, RevocationReason.CA_COMPROMISE);
        root.signCrl(List.of());
        SignedCrl latest = SignedCrl.verified(Pem.read(dir.resolve("root/root.crl")), root.certificate());

        assertEquals(BigInteger.valueOf(4), latest.number());
        assertEquals(1, latest.entries().size());
        assertEquals(issuing.getSerialNumber(), latest.entries().get(0).serial());
        assertEquals(RevocationReason.CA_COMPROMISE, latest.entries().get(0).reason());
        long days = Duration.between(latest.thisUpdate(), latest.nextUpdate()).toDays();
        assertTrue(days >= 181 && days <= 184, "six months: " + days);
    }

    @Test
    void aCrlOfAnotherRootIsNotTakenForThisOne() {
        OfflineRoot root = root();
        root.create();
        OfflineRoot other = OfflineRoot.at(dir.resolve("other"), PASSPHRASE, SETTINGS, Clock.systemUTC());
        other.create();

        byte[] foreign = other.signCrl(List.of());

        assertThrows(IllegalArgumentException.class, () -> SignedCrl.verified(foreign, root.certificate()));
        assertFalse(Files.exists(dir.resolve("root/issued")));
    }

    private static String uri(GeneralName name) {
        return name.getName().toString();
    }
}
