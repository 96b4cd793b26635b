package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

/** Our responder behind a tiny HTTP server, asked by {@code openssl ocsp}. */
@NeedsOsTools
class OcspInteropTest {

    @TempDir
    static Path dir;
    static TestCa ca;
    static X509Certificate cert;
    static HttpServer server;
    static OcspProtocol responder;
    static final Map<BigInteger, CertificateState> STATES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        ca = new TestCa(dir);
        cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("ee.pem"), cert);
        Openssl.pem(dir.resolve("issuer.pem"), ca.ca.certificate());
        ca.chainPem(dir);
        OcspSigner signer = ca.hierarchy.ocspSigner(ca.ca);
        responder = new OcspProtocol(ca.ca, () -> signer,
                serial -> STATES.getOrDefault(serial, CertificateState.unknown()), Clock.systemUTC(), Duration.ofHours(1), 1000);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            byte[] answer = responder.answer(exchange.getRequestBody().readAllBytes()).der();
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void active() {
        STATES.put(cert.getSerialNumber(), CertificateState.good());
        responder.invalidate(cert.getSerialNumber());
    }

    @Test
    void goodThenRevokedOnHoldThenGoodAgainAfterRelease() {
        assertStatus("ee.pem: good");

        STATES.put(cert.getSerialNumber(), CertificateState.revoked(Instant.now(), RevocationReason.CERTIFICATE_HOLD));
        responder.invalidate(cert.getSerialNumber());
        String held = assertStatus("ee.pem: revoked");
        assertTrue(held.contains("Reason: certificateHold"), held);

        active();
        assertStatus("ee.pem: good");
    }

    @Test
    void revokedAnswerCarriesReasonAndTime() {
        STATES.put(cert.getSerialNumber(), CertificateState.revoked(Instant.parse("2026-11-20T08:00:00Z"),
                RevocationReason.KEY_COMPROMISE));
        responder.invalidate(cert.getSerialNumber());

        String out = assertStatus("ee.pem: revoked");

        assertTrue(out.contains("Reason: keyCompromise"), out);
        assertTrue(out.contains("Revocation Time: Nov 20 08:00:00 2026 GMT"), out);
    }

    @Test
    void aRevocationDatedBackCarriesItsInvalidityDate() {
        STATES.put(cert.getSerialNumber(), CertificateState.revoked(Instant.parse("2026-11-25T03:04:05Z"),
                RevocationReason.KEY_COMPROMISE, Instant.parse("2026-11-20T01:02:03.456Z")));
        responder.invalidate(cert.getSerialNumber());

        String out = assertStatus("ee.pem: revoked");

        assertTrue(out.contains("Revocation Time: Nov 25 03:04:05 2026 GMT"), out);
        assertTrue(out.contains("Invalidity Date: \n") && out.contains("Nov 20 01:02:03 2026 GMT"), out);
    }

    @Test
    void nonceIsEchoed() {
        String out = assertStatus("ee.pem: good");
        assertTrue(out.contains("OCSP Nonce"), out);
        assertFalse(out.contains("WARNING: no nonce"), out);
    }

    @Test
    void preSignedResponseWithoutNonceFollowsAStatusChangeAtOnce() {
        assertStatus("ee.pem: good", "-no_nonce");
        assertStatus("ee.pem: good", "-no_nonce");

        STATES.put(cert.getSerialNumber(), CertificateState.revoked(Instant.now(), RevocationReason.SUPERSEDED));
        responder.invalidate(cert.getSerialNumber());

        String out = assertStatus("ee.pem: revoked", "-no_nonce");
        assertTrue(out.contains("Reason: superseded"), out);
    }

    @Test
    void serialWeNeverIssuedIsUnknown() {
        STATES.remove(cert.getSerialNumber());
        responder.invalidate(cert.getSerialNumber());
        assertStatus("ee.pem: unknown");
    }

    @Test
    void garbageGetsMalformedRequestNotAnError() throws IOException {
        OCSPResp response = new OCSPResp(responder.answer("not an OCSP request".getBytes()).der());
        assertEquals(OCSPResp.MALFORMED_REQUEST, response.getStatus());
        OCSPResp empty = new OCSPResp(responder.answer(new byte[0]).der());
        assertEquals(OCSPResp.MALFORMED_REQUEST, empty.getStatus());
    }

    @Test
    void refusalsReachOpensslAsUnsignedStatusesAndA32OctetNonceIsEchoedAndVerified() throws Exception {
        X509CertificateHolder issuer = new X509CertificateHolder(ca.ca.certificate().getEncoded());
        X509CertificateHolder root = new X509CertificateHolder(ca.ca.root().getEncoded());
        OCSPReqBuilder eleven = new OCSPReqBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.addRequest(OcspProtocolTest.id(issuer, BigInteger.valueOf(i + 1)));
        }

        assertTrue(ask(request(OcspProtocolTest.id(issuer, BigInteger.ONE.shiftLeft(4000)), 16))
                .contains("Responder Error: malformedrequest (1)"));
        assertTrue(ask(request(OcspProtocolTest.id(issuer, cert.getSerialNumber()), 33))
                .contains("Responder Error: malformedrequest (1)"));
        assertTrue(ask(eleven.build().getEncoded()).contains("Responder Error: malformedrequest (1)"));
        assertTrue(ask(request(OcspProtocolTest.id(root, cert.getSerialNumber()), 16))
                .contains("Responder Error: unauthorized (6)"));
        String echoed = ask(request(OcspProtocolTest.id(issuer, cert.getSerialNumber()), 32));
        assertTrue(echoed.contains("Response verify OK") && echoed.contains("Cert Status: good"), echoed);
        assertTrue(echoed.contains("OCSP Nonce"), echoed);
    }

    private static byte[] request(CertificateID id, int nonceOctets) throws Exception {
        byte[] nonce = new byte[nonceOctets];
        new java.security.SecureRandom().nextBytes(nonce);
        return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded()))).build()
                .getEncoded();
    }

    /** Sends the request as it is with {@code openssl ocsp -reqin}, which then reads and verifies the response. */
    private static String ask(byte[] request) throws IOException {
        java.nio.file.Files.write(dir.resolve("request.der"), request);
        return Openssl.run(dir, "ocsp", "-reqin", "request.der", "-CAfile", "chain.pem", "-resp_text", "-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp").output();
    }

    private static String assertStatus(String expected, String... extra) {
        String[] base = {"ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem", "-CAfile", "chain.pem", "-resp_text",
            "-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Openssl.Result result = Openssl.run(dir, args);
        assertTrue(result.ok(), result.output());
        assertTrue(result.output().contains("Response verify OK"), result.output());
        assertTrue(result.output().contains(expected), result.output());
        return result.output();
    }
}
