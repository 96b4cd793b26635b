package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsOsTools
class CertificateProfileTest {

    @TempDir
    static Path dir;
    static TestCa ca;

    @BeforeAll
    static void createCa() {
        ca = new TestCa(dir);
    }

    @Test
    void signingCertificateCarriesTheSigningProfileAsOpensslReadsIt() {
        X509Certificate cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        String text = x509Text(cert, "signing.pem");

        assertTrue(text.contains("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation\n"), text);
        assertTrue(text.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"), text);
        assertTrue(text.contains("X509v3 Extended Key Usage: \n                TLS Web Client Authentication, E-mail Protection"), text);
        assertCommonExtensions(text);
    }

    @Test
    void encryptionCertificateCarriesTheEncryptionProfileOnAnRsa2048Key() {
        X509Certificate cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.ENCRYPTION);
        String text = x509Text(cert, "encryption.pem");

        assertTrue(text.contains("Public Key Algorithm: rsaEncryption\n                Public-Key: (2048 bit)"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Key Encipherment, Data Encipherment\n"), text);
        assertFalse(text.contains("Digital Signature"), text);
        assertTrue(text.contains("X509v3 Extended Key Usage: \n                E-mail Protection\n"), text);
        assertCommonExtensions(text);
    }

    @Test
    void anEcEncryptionCertificateCarriesKeyAgreementOnlyAsOpensslReadsIt() {
        X509Certificate cert = ca.issue(Csrs.ec("secp256r1").getPublic(), CertificateProfile.ENCRYPTION);
        String text = x509Text(cert, "ec-encryption.pem");

        assertTrue(text.contains("Public Key Algorithm: id-ecPublicKey") && text.contains("NIST CURVE: P-256"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Key Agreement\n"), text);
        assertFalse(text.contains("Key Encipherment"), text);
        assertFalse(text.contains("Data Encipherment"), text);
        assertTrue(text.contains("X509v3 Extended Key Usage: \n                E-mail Protection\n"), text);
        assertCommonExtensions(text);
    }

    @Test
    void subjectIsBuiltFromTheSubscriberRecordInX500Order() {
        X509Certificate cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("subject.pem"), cert);

        Openssl.Result subject = Openssl.run(dir, "x509", "-in", "subject.pem", "-noout", "-subject", "-nameopt", "RFC2253");
        Openssl.Result issuer = Openssl.run(dir, "x509", "-in", "subject.pem", "-noout", "-issuer", "-nameopt", "RFC2253");

        assertEquals("subject=CN=70759028-00-0007,OU=TWCA FINE,OU=70759028-RA-FINE,OU=Information User CA,"
                + "OU=Information,C=TW", subject.output().trim());
        assertEquals("issuer=CN=Information User CA,OU=User CA,O=FINE Certification Authority,C=TW",
                issuer.output().trim());
        // oneline prints in DER order: C must come first there
        assertTrue(Openssl.run(dir, "x509", "-in", "subject.pem", "-noout", "-subject", "-nameopt", "oneline")
                .output().startsWith("subject=C = TW"));
    }

    @Test
    void certificateVerifiesAgainstTheChainWithOpenssl() {
        X509Certificate cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("ee.pem"), cert);
        ca.chainPem(dir);

        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "chain.pem", "ee.pem");

        assertTrue(verify.ok(), verify.output());
        assertTrue(verify.output().contains("ee.pem: OK"), verify.output());
    }

    private static String x509Text(X509Certificate cert, String file) {
        Openssl.pem(dir.resolve(file), cert);
        Openssl.Result result = Openssl.run(dir, "x509", "-in", file, "-noout", "-text");
        assertTrue(result.ok(), result.output());
        return result.output();
    }

    private static void assertCommonExtensions(String text) {
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
        assertTrue(text.contains("X509v3 CRL Distribution Points: \n                Full Name:\n"
                + "                  URI:http://127.0.0.1:8080/fine-ra-web/pki/crl/information-user-ca.crl"), text);
        assertTrue(text.contains("OCSP - URI:http://127.0.0.1:8080/fine-ra-web/pki/ocsp"), text);
        assertTrue(text.contains("CA Issuers - URI:http://127.0.0.1:8080/fine-ra-web/pki/ca/information-user-ca.cer"), text);
        assertTrue(text.contains("X509v3 Certificate Policies: \n                Policy: 1.3.6.1.4.1.99999.1.1"), text);
        assertFalse(text.contains("Attacker"), text);
    }
}
