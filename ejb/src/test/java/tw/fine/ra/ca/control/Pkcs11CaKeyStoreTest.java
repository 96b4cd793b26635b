package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.ca.entity.RevocationReason;

/** The CA with its keys on a real PKCS#11 token (SoftHSM2 through SunPKCS11). */
@NeedsOsTools
class Pkcs11CaKeyStoreTest {

    @TempDir
    static Path dir;
    static int slot;

    @BeforeAll
    static void token() {
        slot = SoftHsm.token();
    }

    private static Pkcs11CaKeyStore open(String name) {
        return new Pkcs11CaKeyStore(name, SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
    }

    @Test
    void caCreatedOnTheTokenIssuesCertificatesAndCrlsOpensslAccepts() {
        TestCa ca = new TestCa(dir, open("FineCaTest1"));
        X509Certificate cert = ca.issue(Csrs.ec("secp256r1").getPublic(), CertificateProfile.SIGNING);
        Openssl.pem(dir.resolve("ee.pem"), cert);
        ca.chainPem(dir);
        Instant now = Instant.now();
        Openssl.pemCrl(dir.resolve("crl.pem"), new CrlBuilder(ca.ca).full(BigInteger.ONE, now,
                now.plus(Duration.ofHours(24)), List.of(new RevokedEntry(BigInteger.TEN, now, RevocationReason.KEY_COMPROMISE))));

        Openssl.Result verify = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "crl.pem", "ee.pem");
        Openssl.Result crl = Openssl.run(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout");

        assertTrue(verify.ok(), verify.output());
        assertTrue(crl.output().contains("verify OK"), crl.output());
    }

    @Test
    void keysStayOnTheTokenAsSensitiveObjectsAndReloadInANewSession() {
        TestCa first = new TestCa(dir, open("FineCaTest2"));
        TestCa second = new TestCa(dir, open("FineCaTest3"));
        PrivateKey key = second.ca.signing().key();

        assertEquals(first.ca.certificate(), second.ca.certificate());
        // a token key is a handle: there is nothing to encode
        assertNull(key.getEncoded());
        String objects = SoftHsm.listObjects();
        assertTrue(objects.contains("label:      " + CaHierarchy.ISSUING_ALIAS), objects);
        assertTrue(objects.contains("Access:     sensitive, always sensitive, never extractable, local"), objects);
    }

    @Test
    void cardMasterKeysAndTheTicketKeyAreTokenObjectsUsedOnTheToken() throws Exception {
        java.util.Map<tw.fine.ra.ca.entity.CardMasterKey.Purpose, tw.fine.ra.ca.entity.CardMasterKey> first =
                new RaKeyring(open("FineCaTest4"), CaSettings.defaults(), java.time.Clock.systemUTC()).cardMasterKeys();
        RaKeyring reopened = new RaKeyring(open("FineCaTest5"), CaSettings.defaults(), java.time.Clock.systemUTC());
        java.util.Map<tw.fine.ra.ca.entity.CardMasterKey.Purpose, tw.fine.ra.ca.entity.CardMasterKey> second =
                reopened.cardMasterKeys();

        // derived on the token (HMAC with a handle) and equal after a new login
        assertEquals(java.util.HexFormat.of().formatHex(RaKeyringTest.managementKey(first)),
                java.util.HexFormat.of().formatHex(RaKeyringTest.managementKey(second)));
        assertNull(second.get(tw.fine.ra.ca.entity.CardMasterKey.Purpose.PUK).key().getEncoded());
        tw.fine.ra.ca.entity.TicketSigningKey ticket = reopened.ticketKey();
        assertNull(ticket.privateKey().getEncoded());
        assertTrue(new tw.fine.ra.card.protocol.ticket.TicketSigner(ticket.privateKey(), ticket.provider(), "k")
                .issue(tw.fine.ra.card.protocol.ticket.Operation.SIGN_CHALLENGE, "https://localhost:8443",
                        "00112233445566778899AABBCCDDEEFF", "h", Instant.now(), Duration.ofMinutes(1)).split("\\.").length == 3);
        String objects = SoftHsm.listObjects();
        for (tw.fine.ra.ca.entity.CardMasterKey.Purpose purpose : tw.fine.ra.ca.entity.CardMasterKey.Purpose.values()) {
            assertTrue(java.util.regex.Pattern.compile("Secret Key Object; Generic secret length 32\\s+label:      "
                    + purpose.alias() + "\\s+Usage:[^\\n]*\\s+Access:     sensitive, always sensitive, never extractable, local")
                    .matcher(objects).find(), objects);
        }
        assertTrue(objects.contains("label:      " + RaKeyring.TICKET_ALIAS), objects);
    }

    @Test
    void theAuditKeyIsATokenObjectThatSignsCheckpointsOnTheToken() {
        tw.fine.ra.audit.entity.AuditSigningKey first =
                new RaKeyring(open("FineCaTest8"), CaSettings.defaults(), java.time.Clock.systemUTC()).auditKey();
        tw.fine.ra.audit.entity.AuditSigningKey reopened =
                new RaKeyring(open("FineCaTest9"), CaSettings.defaults(), java.time.Clock.systemUTC()).auditKey();
        tw.fine.ra.audit.entity.Checkpoint checkpoint = new tw.fine.ra.audit.control.CheckpointSignature(reopened)
                .sign(7, "ab".repeat(32), Instant.now());

        assertNull(reopened.privateKey().getEncoded());
        assertEquals(first.publicKey(), reopened.publicKey());
        assertTrue(new tw.fine.ra.audit.control.CheckpointSignature(first).isGenuine(checkpoint));
        assertTrue(SoftHsm.listObjects().contains("label:      " + RaKeyring.AUDIT_ALIAS));
    }

    @Test
    void theCardAttestationCaKeyIsATokenObjectAndCertifiesF9Keys() throws Exception {
        X509Certificate ca = new CardAttestationCa(open("FineCaTest6"), CaSettings.defaults(),
                java.time.Clock.systemUTC()).certificate();
        CardAttestationCa reopened = new CardAttestationCa(open("FineCaTest7"), CaSettings.defaults(),
                java.time.Clock.systemUTC());
        X509Certificate f9 = reopened.certify(Csrs.ec("secp256r1").getPublic(), CardAttestationCaTest.GUID);

        assertEquals(ca, reopened.certificate());
        f9.verify(ca.getPublicKey());
        assertTrue(SoftHsm.listObjects().contains("label:      " + CardAttestationCa.ALIAS));
    }
}
