package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the responder answers to requests meant to hurt it: the limits of issue 10, without openssl. */
class OcspProtocolTest {

    @TempDir
    static Path dir;
    static TestCa ca;
    static X509Certificate cert;
    static OcspSigner signer;

    final Map<BigInteger, CertificateState> states = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    final List<LogRecord> logged = new ArrayList<>();
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Signatures per second the responder under test may make on demand. */
    static final int BUDGET = 60;
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    OcspProtocol responder;

    @BeforeAll
    static void ca() {
        ca = new TestCa(dir);
        cert = ca.issue(Csrs.rsa(2048).getPublic(), CertificateProfile.SIGNING);
        signer = ca.hierarchy.ocspSigner(ca.ca);
    }

    @BeforeEach
    void responder() {
        states.put(cert.getSerialNumber(), CertificateState.good());
        responder = new OcspProtocol(ca.ca, () -> signer, serial -> {
            lookups.incrementAndGet();
            return states.getOrDefault(serial, CertificateState.unknown());
        }, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        }, Duration.ofHours(1), BUDGET);
        Logger.getLogger(OcspProtocol.class.getName()).addHandler(handler);
    }

    @AfterEach
    void detach() {
        Logger.getLogger(OcspProtocol.class.getName()).removeHandler(handler);
    }

    @Test
    void aSerialOfMoreThanTwentyOctetsIsMalformedAndNothingIsSigned() throws Exception {
        byte[] huge = new byte[4000];
        huge[0] = 0x7f;
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(ask(ours(new BigInteger(huge)))));
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(ask(ours(BigInteger.ONE.shiftLeft(160)))), "21 octets");
        assertEquals(OCSPResp.SUCCESSFUL, status(ask(ours(BigInteger.ONE.shiftLeft(158)))), "20 octets");
    }

    @Test
    void aForeignIssuerGetsOneConstantUnsignedUnauthorizedWithoutALookup() throws Exception {
        X509CertificateHolder root = new X509CertificateHolder(ca.ca.root().getEncoded());
        byte[] first = ask(id(root, BigInteger.TEN));
        byte[] second = ask(id(root, cert.getSerialNumber()));

        assertEquals(OCSPResp.UNAUTHORIZED, status(first));
        assertNull(new OCSPResp(first).getResponseObject(), "unsigned");
        assertArrayEquals(first, second);
        assertEquals(0, lookups.get());
    }

    @Test
    void anUnknownSerialIsAnsweredButItsResponseIsNotKept() throws Exception {
        byte[] request = ask(ours(BigInteger.valueOf(424242)));
        now = now.plusSeconds(1);
        byte[] again = ask(ours(BigInteger.valueOf(424242)));

        assertEquals(OCSPResp.SUCCESSFUL, status(request));
        assertFalse(java.util.Arrays.equals(request, again), "signed anew, not served from the cache");
        for (int i = 0; i < 50; i++) {
            ask(ours(BigInteger.valueOf(500_000 + i)));
        }
        assertEquals(0, responder.cachedBytes());
    }

    @Test
    void aKnownSerialIsServedFromTheCacheWithoutReadingItsStatusUntilItsStatusChanges() throws Exception {
        byte[] first = ask(ours(cert.getSerialNumber()));
        now = now.plusSeconds(1);
        assertArrayEquals(first, ask(ours(cert.getSerialNumber())));
        assertEquals(1, lookups.get(), "the second answer read no status");
        long oneResponse = responder.cachedBytes();

        states.put(cert.getSerialNumber(), CertificateState.revoked(now, tw.fine.ra.ca.entity.RevocationReason
                .CERTIFICATE_HOLD));
        responder.invalidate(cert.getSerialNumber());
        byte[] held = ask(ours(cert.getSerialNumber()));

        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(held).getResponseObject();
        assertTrue(basic.getResponses()[0].getCertStatus() instanceof org.bouncycastle.cert.ocsp.RevokedStatus);
        assertTrue(responder.cachedBytes() < 2 * oneResponse, "the good response is dropped, not kept beside");
    }

    @Test
    void aSha256CertIdGetsItsOwnResponseEchoingItsCertId() throws Exception {
        CertificateID sha1 = ours(cert.getSerialNumber());
        CertificateID sha256 = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new X509CertificateHolder(ca.ca.certificate().getEncoded()), cert.getSerialNumber());
        ask(sha1);

        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ask(sha256)).getResponseObject();

        assertEquals(sha256, basic.getResponses()[0].getCertID());
        assertEquals(sha1, ((BasicOCSPResp) new OCSPResp(ask(sha1)).getResponseObject()).getResponses()[0].getCertID());
    }

    @Test
    void pastTheSigningBudgetAKeptResponseIsStillServedAndANewSignatureIsTryLaterUntilTheNextSecond()
            throws Exception {
        ask(ours(cert.getSerialNumber()));
        for (int i = 1; i < BUDGET; i++) {
            assertEquals(OCSPResp.SUCCESSFUL, status(ask(ours(BigInteger.valueOf(700_000 + i)))), "signature " + i);
        }

        assertEquals(OCSPResp.TRY_LATER, status(ask(ours(BigInteger.valueOf(800_000)))), "an unknown serial");
        OCSPReqBuilder two = new OCSPReqBuilder().addRequest(ours(cert.getSerialNumber()))
                .addRequest(ours(BigInteger.valueOf(800_001)));
        assertEquals(OCSPResp.TRY_LATER, status(respond(two.build().getEncoded())), "two CertIDs");
        assertEquals(OCSPResp.SUCCESSFUL, status(ask(ours(cert.getSerialNumber()))), "the kept response");
        BasicOCSPResp noNonce = (BasicOCSPResp) new OCSPResp(withNonce(16)).getResponseObject();
        assertNull(noNonce.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce),
                "a nonce request gets the kept response, without the nonce");

        now = now.plusSeconds(1);
        assertEquals(OCSPResp.SUCCESSFUL, status(ask(ours(BigInteger.valueOf(800_000)))));
        BasicOCSPResp withNonce = (BasicOCSPResp) new OCSPResp(withNonce(16)).getResponseObject();
        assertTrue(withNonce.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce) != null, "signed anew");
    }

    @Test
    void moreThanTenCertIdsInOneRequestAreMalformed() throws Exception {
        OCSPReqBuilder ten = new OCSPReqBuilder();
        OCSPReqBuilder eleven = new OCSPReqBuilder();
        for (int i = 0; i < 10; i++) {
            ten.addRequest(ours(BigInteger.valueOf(1000 + i)));
            eleven.addRequest(ours(BigInteger.valueOf(1000 + i)));
        }
        eleven.addRequest(ours(BigInteger.valueOf(2000)));

        assertEquals(OCSPResp.SUCCESSFUL, status(respond(ten.build().getEncoded())));
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(respond(eleven.build().getEncoded())));
    }

    @Test
    void aNonceOfOneTo32OctetsIsEchoedAndAnyOtherIsMalformed() throws Exception {
        assertEquals(OCSPResp.SUCCESSFUL, status(withNonce(1)));
        byte[] answer = withNonce(32);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(answer).getResponseObject();
        assertEquals(34, basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets().length);

        assertEquals(OCSPResp.MALFORMED_REQUEST, status(withNonce(33)));
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(withNonce(4000)));
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(withNonce(0)));
    }

    @Test
    void aDeeplyNestedRequestIsMalformedNotAStackOverflow() throws Exception {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        for (int i = 0; i < 8 * 1024; i++) {
            nested.write(0x30);
            nested.write(0x80);
        }
        assertEquals(OCSPResp.MALFORMED_REQUEST, status(respond(nested.toByteArray())));
    }

    @Test
    void aBrokenStructureInsideAWellFormedRequestIsMalformedAndLoggedOnce() throws Exception {
        // OCSPRequest { TBSRequest { requestList: SEQUENCE { INTEGER } } }: a list of something that is no Request
        byte[] broken = new DERSequence(new DERSequence(new DERSequence(new ASN1Integer(5)))).getEncoded();
        // and one whose Request holds a CertID that is an INTEGER
        byte[] brokenId = new DERSequence(new DERSequence(new DERSequence(new DERSequence(new ASN1Integer(5)))))
                .getEncoded();

        for (int i = 0; i < 3; i++) {
            assertEquals(OCSPResp.MALFORMED_REQUEST, status(respond(broken)));
            assertEquals(OCSPResp.MALFORMED_REQUEST, status(respond(brokenId)));
        }
        assertTrue(logged.stream().noneMatch(r -> r.getThrown() != null), "no stack trace");
        assertTrue(logged.size() <= 2, "once per kind: " + logged.size());
    }

    private byte[] withNonce(int length) throws Exception {
        byte[] nonce = new byte[length];
        java.util.Arrays.fill(nonce, (byte) 7);
        return respond(new OCSPReqBuilder().addRequest(ours(cert.getSerialNumber()))
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(nonce).getEncoded())))
                .build().getEncoded());
    }

    private byte[] ask(CertificateID id) throws Exception {
        return respond(new OCSPReqBuilder().addRequest(id).build().getEncoded());
    }

    private byte[] respond(byte[] request) {
        return responder.answer(request).der();
    }

    private static int status(byte[] response) throws Exception {
        return new OCSPResp(response).getStatus();
    }

    static CertificateID ours(BigInteger serial) throws Exception {
        return id(new X509CertificateHolder(ca.ca.certificate().getEncoded()), serial);
    }

    static CertificateID id(X509CertificateHolder issuer, BigInteger serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)), issuer, serial);
    }
}
