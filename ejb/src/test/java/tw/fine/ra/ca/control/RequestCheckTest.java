package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RequestRejectedException.Reason;

class RequestCheckTest {

    private final RequestCheck check = new RequestCheck();

    @Test
    void rsa2048RequestIsAcceptedWithItsKey() throws Exception {
        KeyPair keys = Csrs.rsa(2048);
        CheckedKey checked = check.check(Csrs.request(keys));
        assertEquals(keys.getPublic(), checked.key());
        assertEquals(64, checked.fingerprint().length());
    }

    @Test
    void p256AndP384RequestsAreAccepted() throws Exception {
        assertDoesNotThrow(() -> check.check(Csrs.request(Csrs.ec("secp256r1"))), "P-256");
        assertDoesNotThrow(() -> check.check(Csrs.request(Csrs.ec("secp384r1"), "SHA384withECDSA")), "P-384");
    }

    @Test
    @NeedsOsTools
    void requestMadeByOpensslIsAccepted(@TempDir Path dir) throws Exception {
        Openssl.Result made = Openssl.run(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "key.pem", "-subj", "/CN=ignored", "-outform", "DER", "-out", "req.der");
        assertTrue(made.ok(), made.output());
        check.check(Files.readAllBytes(dir.resolve("req.der")));
    }

    @Test
    void rsa1024IsTooShort() {
        assertRejected(Reason.RSA_KEY_TOO_SHORT, Csrs.request(Csrs.rsa(1024)));
    }

    @Test
    void rsaExponentThreeIsWeak() {
        KeyPair keys = Csrs.keys("RSA", new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(3)));
        assertRejected(Reason.RSA_WEAK_EXPONENT, Csrs.request(keys));
    }

    @Test
    void curvesOtherThanP256AndP384AreRefused() {
        assertRejected(Reason.UNSUPPORTED_KEY, Csrs.request(Csrs.ec("secp521r1"), "SHA512withECDSA"));
    }

    @Test
    void aRequestWhosePointIsOffTheCurveOrAtInfinityIsRefusedForItsPoint() throws Exception {
        byte[] request = Csrs.request(Csrs.ec("secp256r1"));
        byte[] point = CertificationRequest.getInstance(request).getCertificationRequestInfo().getSubjectPublicKeyInfo()
                .getPublicKeyData().getBytes();
        point[point.length - 1] ^= 0x01;
        assertRejected(Reason.EC_POINT_INVALID, withPoint(request, point));
        assertRejected(Reason.EC_POINT_INVALID, withPoint(request, new byte[] {0x00}));
    }

    /** The screening runs on every request, with the request's own valid proof of possession. */
    @Test
    void aRocaKeyWithAValidSignatureIsRefusedForItsFingerprint() {
        assertRejected(Reason.RSA_ROCA_FINGERPRINT,
                Csrs.request(BadKeys.rsa(BadKeys.rocaPrime(1024), BadKeys.rocaPrime(1024))));
    }

    @Test
    void aRequestSignedByAnotherKeyHasNoProofOfPossession() {
        byte[] request = Csrs.request(Csrs.rsa(2048));
        // flip a bit inside the signature, the last bytes of the DER
        request[request.length - 5] ^= 0x01;
        assertRejected(Reason.NO_PROOF_OF_POSSESSION, request);
    }

    @Test
    void sha1SignatureProvesNothing() {
        assertRejected(Reason.WEAK_SIGNATURE_ALGORITHM, Csrs.request(Csrs.rsa(2048), "SHA1withRSA"));
    }

    @Test
    void garbageIsAMalformedRequest() {
        assertRejected(Reason.MALFORMED_REQUEST, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        assertRejected(Reason.MALFORMED_REQUEST, Arrays.copyOf(Csrs.request(Csrs.rsa(2048)), 100));
    }

    @Test
    void theSameKeyCannotServeBothCertificatesOfAPair() throws Exception {
        byte[] request = Csrs.request(Csrs.ec("secp256r1"));
        CheckedKey signing = check.check(request);
        CheckedKey encryption = check.check(request);

        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> check.checkPair(signing, encryption));
        assertEquals(Reason.SAME_KEY_FOR_BOTH_CERTIFICATES, e.reason());
    }

    /** The request with its key's point replaced; the signature no longer matters, the point is checked first. */
    private static byte[] withPoint(byte[] request, byte[] point) throws Exception {
        CertificationRequest original = CertificationRequest.getInstance(request);
        CertificationRequestInfo info = original.getCertificationRequestInfo();
        SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(info.getSubjectPublicKeyInfo().getAlgorithm(), point);
        return new CertificationRequest(new CertificationRequestInfo(info.getSubject(), key, info.getAttributes()),
                original.getSignatureAlgorithm(), original.getSignature()).getEncoded();
    }

    private void assertRejected(Reason reason, byte[] request) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> check.check(request));
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
