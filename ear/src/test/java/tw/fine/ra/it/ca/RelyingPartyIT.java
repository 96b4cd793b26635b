package tw.fine.ra.it.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.Publication;
import tw.fine.ra.ca.control.CaHierarchy;
import tw.fine.ra.ca.control.CaKeyStore;
import tw.fine.ra.ca.control.CaKeyStoreFactory;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.it.support.Deployments;

/**
 * What a relying party sees over plain HTTP, judged by the real openssl: CA certificates, the CRLs
 * at the CDP URLs (the issuing CA's and the offline root's), and the OCSP responder. Runs inside the server to drive the CA façade directly.
 */
@ExtendWith(ArquillianExtension.class)
class RelyingPartyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(RelyingPartyIT.class, CaFixtures.class, CaFixtures.Result.class);
    }

    @Inject
    CertificateAuthority ca;

    @Inject
    Publication publication;

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path dir;
    private CertificateView cert;

    @BeforeEach
    void activeCertificate() throws Exception {
        dir = Files.createTempDirectory("fine-pki-it");
        cert = ca.issuePair(CaFixtures.pairRequest()).signing();
        ca.markOnCard(cert.certificateNumber());
        CaFixtures.pem(dir.resolve("ee.pem"), "CERTIFICATE", cert.der());
        List<byte[]> chain = ca.caChain();
        CaFixtures.pem(dir.resolve("issuer.pem"), "CERTIFICATE", chain.get(0));
        CaFixtures.pem(dir.resolve("chain.pem"), "CERTIFICATE", chain.get(0), chain.get(1));
    }

    @Test
    void caCertificatesAnswerOverPlainHttpAsDer() throws Exception {
        HttpResponse<byte[]> issuing = get("/pki/ca/information-user-ca.cer");
        HttpResponse<byte[]> root = get("/pki/ca/fine-root-ca.cer");

        assertEquals(200, issuing.statusCode());
        assertEquals("application/pkix-cert", issuing.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Base64.getEncoder().encodeToString(ca.caChain().get(0)),
                Base64.getEncoder().encodeToString(issuing.body()));
        assertEquals(200, root.statusCode());
        assertEquals(404, get("/pki/ca/nobody.cer").statusCode());
    }

    @Test
    void theRootCertificateAndTheRootCrlOfTheOfflineRootAreServedAndTheWholeChainChecksAgainstBothCrls()
            throws Exception {
        HttpResponse<byte[]> root = get("/pki/ca/fine-root-ca.cer");
        HttpResponse<byte[]> rootCrl = get("/pki/crl/fine-root-ca.crl");
        HttpResponse<byte[]> crl = get("/pki/crl/information-user-ca.crl");

        assertEquals(200, root.statusCode());
        assertEquals("application/pkix-cert", root.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Base64.getEncoder().encodeToString(ca.caChain().get(1)), Base64.getEncoder().encodeToString(root.body()));
        assertEquals(200, rootCrl.statusCode());
        assertEquals("application/pkix-crl", rootCrl.headers().firstValue("Content-Type").orElse(""));
        CaFixtures.pem(dir.resolve("root.pem"), "CERTIFICATE", root.body());
        CaFixtures.pem(dir.resolve("root-crl.pem"), "X509 CRL", rootCrl.body());
        CaFixtures.pem(dir.resolve("crl.pem"), "X509 CRL", crl.body());
        CaFixtures.Result signed = CaFixtures.openssl(dir, "crl", "-in", "root-crl.pem", "-CAfile", "root.pem", "-verify",
                "-noout");
        CaFixtures.Result issuing = CaFixtures.openssl(dir, "x509", "-in", "issuer.pem", "-noout", "-text");
        CaFixtures.Result chain = CaFixtures.openssl(dir, "verify", "-crl_check_all", "-CAfile", "root.pem", "-untrusted",
                "issuer.pem", "-CRLfile", "root-crl.pem", "-CRLfile", "crl.pem", "ee.pem");

        assertTrue(signed.output().contains("verify OK"), signed.output());
        assertTrue(issuing.output().contains("URI:http://localhost:8080/pki/crl/fine-root-ca.crl"), issuing.output());
        assertTrue(issuing.output().contains("CA Issuers - URI:http://localhost:8080/pki/ca/fine-root-ca.cer"),
                issuing.output());
        assertEquals(0, chain.exitCode(), chain.output());
    }

    @Test
    void theOnlineKeyStoreHoldsTheIssuingCaKeyButNoRootKeyAfterTheStart() {
        CaKeyStore store = CaKeyStoreFactory.open(System::getProperty, System::getenv);

        assertFalse(store.contains(CaHierarchy.ROOT_ALIAS));
        assertFalse(store.privateKey(CaHierarchy.ROOT_ALIAS).isPresent());
        assertTrue(store.privateKey(CaHierarchy.ISSUING_ALIAS).isPresent());
    }

    @Test
    void crlAtTheCdpIsAcceptedThenRejectsTheCertificateSecondsAfterRevocation() throws Exception {
        HttpResponse<byte[]> fresh = get("/pki/crl/information-user-ca.crl");
        assertEquals(200, fresh.statusCode());
        assertEquals("application/pkix-crl", fresh.headers().firstValue("Content-Type").orElse(""));
        assertTrue(fresh.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertTrue(fresh.headers().firstValue("Last-Modified").isPresent());
        CaFixtures.pem(dir.resolve("crl.pem"), "X509 CRL", fresh.body());

        CaFixtures.Result crl = CaFixtures.openssl(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout");
        CaFixtures.Result good = CaFixtures.openssl(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile",
                "crl.pem", "ee.pem");
        assertTrue(crl.output().contains("verify OK"), crl.output());
        assertEquals(0, good.exitCode(), good.output());

        ca.revoke(cert.certificateNumber(), RevocationReason.KEY_COMPROMISE, null);
        byte[] after = CaFixtures.crlUntil(c -> c.getRevokedCertificate(cert.serial()) != null);
        CaFixtures.pem(dir.resolve("crl2.pem"), "X509 CRL", after);

        CaFixtures.Result revoked = CaFixtures.openssl(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile",
                "crl2.pem", "ee.pem");
        assertFalse(revoked.exitCode() == 0, revoked.output());
        assertTrue(revoked.output().contains("certificate revoked"), revoked.output());
    }

    @Test
    void opensslOcspSeesGoodThenHeldThenGoodAfterReleaseThenHeldAndRevoked() throws Exception {
        assertTrue(ocsp().contains("ee.pem: good"));

        ca.hold(cert.certificateNumber());
        String held = ocsp();
        assertTrue(held.contains("ee.pem: revoked") && held.contains("Reason: certificateHold"), held);

        ca.release(cert.certificateNumber());
        assertTrue(ocsp().contains("ee.pem: good"));

        // held again, then revoked for good: the answer must change from certificateHold at once
        ca.hold(cert.certificateNumber());
        assertTrue(ocsp().contains("Reason: certificateHold"));
        ca.revoke(cert.certificateNumber(), RevocationReason.AFFILIATION_CHANGED, null);
        String revoked = ocsp();
        assertTrue(revoked.contains("ee.pem: revoked") && revoked.contains("Reason: affiliationChanged"), revoked);
    }

    @Test
    void aRevocationDatedBackIsOnTheCrlWithTheRecordingTimeAsRevocationDateAndTheGivenDateAsInvalidityDate()
            throws Exception {
        Instant keyLost = Instant.parse("2026-11-20T01:02:03.456Z");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CertificateView revoked = ca.revoke(cert.certificateNumber(), RevocationReason.KEY_COMPROMISE, keyLost);

        assertEquals(keyLost.truncatedTo(ChronoUnit.SECONDS), revoked.invalidityDate());
        assertFalse(revoked.revokedAt().isBefore(before), revoked.revokedAt() + " is the recording time");
        byte[] crl = CaFixtures.crlUntil(c -> c.getRevokedCertificate(cert.serial()) != null);
        assertEquals(revoked.revokedAt(), x509Crl(crl).getRevokedCertificate(cert.serial()).getRevocationDate()
                .toInstant());
        CaFixtures.pem(dir.resolve("backdated.pem"), "X509 CRL", crl);
        String text = CaFixtures.openssl(dir, "crl", "-in", "backdated.pem", "-noout", "-text").output();
        String entry = text.substring(text.indexOf("Serial Number: " + cert.serial().toString(16).toUpperCase()));
        assertTrue(entry.contains("Revocation Date: " + OPENSSL_TIME.format(revoked.revokedAt())), entry);
        assertTrue(entry.contains("Invalidity Date: \n                Nov 20 01:02:03 2026 GMT"), entry);
        String ocsp = ocsp();
        assertTrue(ocsp.contains("Revocation Time: " + OPENSSL_TIME.format(revoked.revokedAt())), ocsp);
        assertTrue(ocsp.contains("Invalidity Date: \n") && ocsp.contains("Nov 20 01:02:03 2026 GMT"), ocsp);
    }

    @Test
    void aHeldCertificateThatExpiresStaysRevokedCertificateHoldInOcspAndOnTheCrl() throws Exception {
        ca.hold(cert.certificateNumber());
        CaFixtures.pastNotAfter(em, tx, cert.certificateNumber());

        ca.expireDue();

        assertEquals(CertificateStatus.EXPIRED_ON_HOLD, ca.find(cert.certificateNumber()).orElseThrow().status());
        String held = ocsp();
        assertTrue(held.contains("ee.pem: revoked") && held.contains("Reason: certificateHold"), held);
        X509CRLEntry entry = x509Crl(publication.publishCrl().der()).getRevokedCertificate(cert.serial());
        assertEquals(CRLReason.CERTIFICATE_HOLD, entry.getRevocationReason(), "still listed, as held");
    }

    @Test
    void ocspOverGetAnswersAndMalformedRequestsGetMalformedRequestNot500() throws Exception {
        X509CertificateHolder issuer = new X509CertificateHolder(ca.caChain().get(0));
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), issuer, cert.serial());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();

        HttpResponse<byte[]> viaGet = get("/pki/ocsp/" + java.net.URLEncoder.encode(Base64.getEncoder()
                .encodeToString(request), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(200, viaGet.statusCode());
        assertEquals("application/ocsp-response", viaGet.headers().firstValue("Content-Type").orElse(""));
        assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(viaGet.body()).getStatus());

        HttpResponse<byte[]> garbage = http.send(HttpRequest.newBuilder(URI.create(CaFixtures.httpBase() + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofString("not OCSP")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, garbage.statusCode());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(garbage.body()).getStatus());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(get("/pki/ocsp/@@@").body()).getStatus());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(get("/pki/ocsp/AAAA").body()).getStatus());
    }

    @Test
    void issuedCertificateShowsTheProfileExtensionsToOpenssl() {
        CaFixtures.Result text = CaFixtures.openssl(dir, "x509", "-in", "ee.pem", "-noout", "-text");
        CaFixtures.Result asn1 = CaFixtures.openssl(dir, "asn1parse", "-in", "ee.pem");

        assertTrue(text.output().contains("Digital Signature, Non Repudiation"), text.output());
        assertTrue(text.output().contains("URI:http://localhost:8080/pki/crl/information-user-ca.crl"), text.output());
        assertTrue(text.output().contains("OCSP - URI:http://localhost:8080/pki/ocsp"), text.output());
        assertTrue(asn1.output().contains(":X509v3 Certificate Policies"), asn1.output());
    }

    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter
            .ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static X509CRL x509Crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    private String ocsp() {
        CaFixtures.Result result = CaFixtures.openssl(dir, "ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem",
                "-CAfile", "chain.pem", "-url", CaFixtures.httpBase() + "/pki/ocsp", "-resp_text");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Response verify OK"), result.output());
        return result.output();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(CaFixtures.httpBase() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
