package tw.fine.ra.it.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.CrlDocument;
import tw.fine.ra.ca.boundary.Publication;
import tw.fine.ra.ca.control.CaHierarchy;
import tw.fine.ra.ca.control.CaKeyStore;
import tw.fine.ra.ca.control.CaKeyStoreFactory;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.PublishedCrl;
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
    void crlAtTheCdpIsAcceptedThenTheDeltaCrlRejectsTheCertificateSecondsAfterRevocationAndTheFullCrlIsNotSignedAgain()
            throws Exception {
        afterTheFirstScheduledCrl();
        HttpResponse<byte[]> fresh = get(CaFixtures.FULL_CRL);
        assertEquals(200, fresh.statusCode());
        assertEquals("application/pkix-crl", fresh.headers().firstValue("Content-Type").orElse(""));
        String crlCaching = fresh.headers().firstValue("Cache-Control").orElse("");
        long crlMaxAge = Long.parseLong(crlCaching.replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(Math.abs(Duration.between(header(fresh, "Date").plusSeconds(crlMaxAge), header(fresh, "Expires"))
                .toSeconds()) <= 2, "Expires and max-age name the same moment: " + fresh.headers().map());
        assertTrue(fresh.headers().firstValue("Last-Modified").isPresent());
        CaFixtures.pem(dir.resolve("crl.pem"), "X509 CRL", fresh.body());

        CaFixtures.Result crl = CaFixtures.openssl(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout");
        CaFixtures.Result good = CaFixtures.openssl(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile",
                "crl.pem", "ee.pem");
        assertTrue(crl.output().contains("verify OK"), crl.output());
        assertEquals(0, good.exitCode(), good.output());

        ca.revoke(cert.certificateNumber(), RevocationReason.KEY_COMPROMISE, null);
        byte[] delta = CaFixtures.deltaCrlUntil(c -> c.getRevokedCertificate(cert.serial()) != null);
        HttpResponse<byte[]> full = get(CaFixtures.FULL_CRL);
        CaFixtures.pem(dir.resolve("crl-and-delta.pem"), "X509 CRL", full.body(), delta);

        assertEquals(fresh.headers().firstValue("ETag"), full.headers().firstValue("ETag"), "the full CRL is as it was");
        assertEquals(null, x509Crl(full.body()).getRevokedCertificate(cert.serial()));
        assertEquals(crlNumber(x509Crl(full.body())), baseNumber(x509Crl(delta)), "the delta completes the full CRL served");
        CaFixtures.Result revoked = CaFixtures.openssl(dir, "verify", "-crl_check", "-use_deltas", "-CAfile", "chain.pem",
                "-CRLfile", "crl-and-delta.pem", "ee.pem");
        assertFalse(revoked.exitCode() == 0, revoked.output());
        assertTrue(revoked.output().contains("certificate revoked"), revoked.output());
    }

    @Test
    void theDeltaCrlIsServedWithTheFullCrlsCachingHeadersAnd304ForItsEtag() throws Exception {
        ca.hold(cert.certificateNumber());
        CaFixtures.deltaCrlUntil(c -> c.getRevokedCertificate(cert.serial()) != null);

        HttpResponse<byte[]> delta = get(CaFixtures.DELTA_CRL);
        String etag = delta.headers().firstValue("ETag").orElseThrow();
        CaFixtures.pem(dir.resolve("delta.pem"), "X509 CRL", delta.body());
        String text = CaFixtures.openssl(dir, "crl", "-in", "delta.pem", "-CAfile", "chain.pem", "-verify", "-noout",
                "-text").output();

        assertEquals("application/pkix-crl", delta.headers().firstValue("Content-Type").orElse(""));
        assertEquals("\"crl-" + crlNumber(x509Crl(delta.body())) + "\"", etag);
        assertTrue(delta.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertTrue(delta.headers().firstValue("Expires").isPresent());
        assertTrue(text.contains("verify OK") && text.contains("X509v3 Delta CRL Indicator: critical"), text);
        assertEquals(304, get(CaFixtures.DELTA_CRL, etag).statusCode());
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
    void aRevocationDatedBackIsOnTheDeltaCrlWithTheRecordingTimeAsRevocationDateAndTheGivenDateAsInvalidityDate()
            throws Exception {
        Instant keyLost = Instant.parse("2026-11-20T01:02:03.456Z");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CertificateView revoked = ca.revoke(cert.certificateNumber(), RevocationReason.KEY_COMPROMISE, keyLost);

        assertEquals(keyLost.truncatedTo(ChronoUnit.SECONDS), revoked.invalidityDate());
        assertFalse(revoked.revokedAt().isBefore(before), revoked.revokedAt() + " is the recording time");
        byte[] crl = CaFixtures.deltaCrlUntil(c -> c.getRevokedCertificate(cert.serial()) != null);
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
    void ocspGetCarriesRfc5019CachingHeadersAnd304UntilAHoldChangesTheAnswer() throws Exception {
        String path = "/pki/ocsp/" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(
                new OCSPReqBuilder().addRequest(certId(cert.serial())).build().getEncoded()),
                java.nio.charset.StandardCharsets.US_ASCII);

        HttpResponse<byte[]> good = get(path);
        assertEquals(200, good.statusCode());
        assertTrue(respin(good.body()).contains("ee.pem: good"));
        SingleResp single = ((BasicOCSPResp) new OCSPResp(good.body()).getResponseObject()).getResponses()[0];
        String etag = good.headers().firstValue("ETag").orElseThrow();
        String cacheControl = good.headers().firstValue("Cache-Control").orElse("");
        long maxAge = Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(cacheControl.contains("public") && maxAge > 0, cacheControl);
        assertTrue(maxAge <= single.getNextUpdate().getTime() / 1000 - Instant.now().getEpochSecond() + 1, cacheControl);
        assertEquals(single.getThisUpdate().toInstant().truncatedTo(ChronoUnit.SECONDS), header(good, "Last-Modified"));
        assertEquals(single.getNextUpdate().toInstant().truncatedTo(ChronoUnit.SECONDS), header(good, "Expires"));

        assertEquals(304, get(path, etag).statusCode());

        ca.hold(cert.certificateNumber());
        HttpResponse<byte[]> held = get(path, etag);
        assertEquals(200, held.statusCode(), "the hold shows at once at the origin");
        assertTrue(respin(held.body()).contains("ee.pem: revoked"));
        assertFalse(etag.equals(held.headers().firstValue("ETag").orElse(etag)));
    }

    @Test
    void aRevocationCommittedByAnotherNodeReachesThisNodesOcspWithinSecondsThoughItsAnswerWasKept()
            throws Exception {
        String path = "/pki/ocsp/" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(
                new OCSPReqBuilder().addRequest(certId(cert.serial())).build().getEncoded()),
                java.nio.charset.StandardCharsets.US_ASCII);
        byte[] good = get(path).body();
        assertTrue(respin(good).contains("ee.pem: good"));
        assertArrayEquals(good, get(path).body(), "kept: the same signed response");

        // another node revokes: the row changes in the shared database, this node hears of it from no one
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tx.begin();
        int changed = em.createQuery("update IssuedCertificate c set c.status = :status, c.revocationReason = :reason,"
                + " c.revokedAt = :at, c.statusChangedAt = :at, c.version = c.version + 1 where c.id = :id")
                .setParameter("status", CertificateStatus.REVOKED).setParameter("reason", RevocationReason.KEY_COMPROMISE)
                .setParameter("at", at).setParameter("id", cert.certificateNumber()).executeUpdate();
        tx.commit();
        assertEquals(1, changed);

        String answer = respin(get(path).body());
        Instant deadline = Instant.now().plusSeconds(10);
        while (!answer.contains("ee.pem: revoked") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = respin(get(path).body());
        }
        assertTrue(answer.contains("ee.pem: revoked") && answer.contains("Reason: keyCompromise"), answer);
    }

    @Test
    void ocspErrorsAreNoStoreAndNeverA500AndOversizedRequestsGet413Or414() throws Exception {
        X509CertificateHolder root = new X509CertificateHolder(ca.caChain().get(1));
        CertificateID foreign = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), root, cert.serial());
        byte[] nested = new byte[16 * 1024];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }

        HttpResponse<byte[]> deep = post(nested);
        HttpResponse<byte[]> malformed = get("/pki/ocsp/@@@");
        HttpResponse<byte[]> unauthorized = post(new OCSPReqBuilder().addRequest(foreign).build().getEncoded());

        assertEquals(200, deep.statusCode());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(deep.body()).getStatus());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(malformed.body()).getStatus());
        assertEquals("no-store", malformed.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(malformed.headers().firstValue("ETag").isEmpty());
        assertEquals(OCSPResp.UNAUTHORIZED, new OCSPResp(unauthorized.body()).getStatus());
        assertEquals("no-store", unauthorized.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(414, get("/pki/ocsp/" + "A".repeat(5000)).statusCode());
        assertEquals(413, post(new byte[17 * 1024]).statusCode());
    }

    @Test
    void issuedCertificateShowsTheProfileExtensionsToOpenssl() {
        CaFixtures.Result text = CaFixtures.openssl(dir, "x509", "-in", "ee.pem", "-noout", "-text");
        CaFixtures.Result asn1 = CaFixtures.openssl(dir, "asn1parse", "-in", "ee.pem");

        assertTrue(text.output().contains("Digital Signature, Non Repudiation"), text.output());
        assertTrue(text.output().contains("URI:http://localhost:8080/pki/crl/information-user-ca.crl"), text.output());
        assertTrue(text.output().contains("OCSP - URI:http://localhost:8080/pki/ocsp"), text.output());
        String freshest = text.output().substring(text.output().indexOf("X509v3 Freshest CRL:"));
        assertTrue(freshest.startsWith("X509v3 Freshest CRL: \n") && freshest.contains(
                "URI:http://localhost:8080/pki/crl/information-user-ca-delta.crl"), text.output());
        assertTrue(asn1.output().contains(":X509v3 Certificate Policies"), asn1.output());
    }

    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter
            .ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void crlPublicationsAtTheSameMomentTakeTurnsAndBothAreStored() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<BigInteger>> published = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    published.add(nodes.submit(() -> {
                        together.await();
                        // the boundary itself, past this node's refresh lock: as two servers would call it
                        return publication.publishCrl().crlNumber();
                    }));
                }
                BigInteger first = published.get(0).get(1, TimeUnit.MINUTES);
                BigInteger second = published.get(1).get(1, TimeUnit.MINUTES);
                // both stored under numbers of their own (a refresh of another test may take one between them)
                assertNotEquals(first, second, "two publications at once, one number");
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aRelyingPartysGetServesTheStoredCrlAndNeverSignsAStaleOneIsRefreshedApartAndPruned() throws Exception {
        CrlDocument current = publication.publishCrl();
        long stale = current.crlNumber().longValueExact() + 1;
        Instant past = Instant.now().minus(Duration.ofHours(1));
        tx.begin();
        String issuer = em.createQuery("select c.issuerDn from PublishedCrl c where c.crlNumber = :n", String.class)
                .setParameter("n", current.crlNumber().longValueExact()).getSingleResult();
        // fixture: a CRL on record past its nextUpdate, as after the schedule stood still for a day
        em.persist(new PublishedCrl(issuer, stale, past.minus(Duration.ofHours(24)), past, 0, current.der()));
        em.createQuery("update CrlCounter c set c.lastNumber = :n where c.issuerDn = :i")
                .setParameter("n", stale).setParameter("i", issuer).executeUpdate();
        tx.commit();

        HttpResponse<byte[]> served = get("/pki/crl/information-user-ca.crl");

        assertEquals("\"crl-" + stale + "\"", served.headers().firstValue("ETag").orElse(""),
                "the stored CRL is served as it is, not signed anew for the request");
        assertArrayEquals(current.der(), served.body());
        assertTrue(served.headers().firstValue("Cache-Control").orElse("").contains("max-age=0"));
        byte[] refreshed = CaFixtures.crlUntil(crl -> crlNumber(crl) > stale);
        // other publications (a status change of another test) may come between: any newer one will do
        assertTrue(crlNumber(x509Crl(refreshed)) > stale, "the refresh the request asked for, apart from it");
        publication.publishCrl(); // the CRL just superseded stays one publication longer
        assertEquals(0L, storedCrls(stale), "a CRL superseded before the last and past its nextUpdate is deleted");
    }

    /**
     * The schedule publishes a full CRL 2 s after deployment (CaSchedule), then every 6 h: a test that
     * a status change leaves the full CRL alone waits until that first one is behind it. This class is
     * loaded after its deployment.
     */
    private static void afterTheFirstScheduledCrl() throws InterruptedException {
        long wait = Duration.between(Instant.now(), LOADED.plusSeconds(5)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static final Instant LOADED = Instant.now();

    private static long baseNumber(X509CRL delta) {
        return integerExtension(delta, Extension.deltaCRLIndicator);
    }

    private long storedCrls(long number) {
        return em.createQuery("select count(c) from PublishedCrl c where c.crlNumber = :n", Long.class)
                .setParameter("n", number).getSingleResult();
    }

    private static long crlNumber(X509CRL crl) {
        return integerExtension(crl, Extension.cRLNumber);
    }

    private static long integerExtension(X509CRL crl, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                    crl.getExtensionValue(oid.getId()))).getValue().longValueExact();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

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

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(CaFixtures.httpBase() + path))
                .header("If-None-Match", ifNoneMatch).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(CaFixtures.httpBase() + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private CertificateID certId(java.math.BigInteger serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new X509CertificateHolder(ca.caChain().get(0)), serial);
    }

    /** The response as openssl reads and verifies it, for this test's certificate. */
    private String respin(byte[] response) throws Exception {
        Files.write(dir.resolve("response.der"), response);
        CaFixtures.Result result = CaFixtures.openssl(dir, "ocsp", "-respin", "response.der", "-issuer", "issuer.pem",
                "-cert", "ee.pem", "-CAfile", "chain.pem", "-resp_text");
        assertTrue(result.output().contains("Response verify OK"), result.output());
        return result.output();
    }

    private static Instant header(HttpResponse<?> response, String name) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.parse(response.headers().firstValue(name).orElseThrow(), Instant::from);
    }
}
