package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.interop.Tool;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.x509.AttestationException;
import tw.fine.ra.card.protocol.x509.AttestationException.Reason;
import tw.fine.ra.card.protocol.x509.AttestationVerifier;
import tw.fine.ra.card.protocol.x509.CertificationRequests;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * generate-key answers the card's attestation; the server's {@link AttestationVerifier} accepts it
 * only through the card's F9 certificate to the RA's card-attestation CA, for the requested key,
 * slot and card.
 */
class CardAttestationTest {

    private final CertificateMaker attestationCa = new CertificateMaker();
    private final AttestationVerifier verifier = new AttestationVerifier(attestationCa.caCertificate(), Clock.systemUTC());
    private final AgentFixture agent = AgentFixture.personalizedCard();
    private final AgentFixture otherCard = AgentFixture.personalizedCard();

    CardAttestationTest() throws Exception {
    }

    @AfterEach
    void stop() {
        agent.close();
        otherCard.close();
    }

    @Test
    void keysGeneratedOnACertifiedCardVerifyWithJavaAndOpenssl() throws Exception {
        X509Certificate f9 = certifyAttestationKey(agent);
        Map<String, Map<String, Object>> generated = agent.generateKeys("9C", "EC_P256", "9D", "RSA_2048");
        for (Map.Entry<String, Map<String, Object>> entry : generated.entrySet()) {
            Map<String, Object> answer = entry.getValue();
            Slot slot = Slot.byId(entry.getKey());
            AttestationVerifier.Attested attested = verifier.verify(bytes(answer, "attestation"),
                    bytes(answer, "attestationIssuer"), requestKey(slot), slot, agent.guid);
            assertEquals(agent.guid, attested.cardGuid());
            assertEquals(f9, attested.attestationKeyCertificate());
            Path dir = Files.createTempDirectory("attestation");
            Files.writeString(dir.resolve("ca.pem"), pem(attestationCa.caCertificate().getEncoded()));
            Files.writeString(dir.resolve("f9.pem"), pem(bytes(answer, "attestationIssuer")));
            Files.writeString(dir.resolve("attestation.pem"), pem(bytes(answer, "attestation")));
            Tool.run("openssl", "verify", "-CAfile", dir.resolve("ca.pem").toString(), "-untrusted",
                    dir.resolve("f9.pem").toString(), dir.resolve("attestation.pem").toString()).succeeded().says(": OK");
        }
    }

    @Test
    void aSoftwareKeyInARequestIsRefusedEvenWithTheCardsGenuineAttestation() throws Exception {
        certifyAttestationKey(agent);
        Map<String, Object> answer = agent.generateKeys("9C", "EC_P256").get("9C");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair software = generator.generateKeyPair();
        // What a tampered agent would send: a well-formed request over its own key.
        byte[] info = CertificationRequests.info(software.getPublic(), agent.guid);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(software.getPrivate());
        signature.update(info);
        PublicKey tampered = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(
                CertificationRequests.assemble(software.getPublic(), info, signature.sign())).getPublicKey();
        assertRefused(Reason.KEY_MISMATCH, () -> verifier.verify(bytes(answer, "attestation"),
                bytes(answer, "attestationIssuer"), tampered, Slot.SIGNATURE, agent.guid));
        assertRefused(Reason.KEY_MISMATCH, () -> verifier.verify(bytes(answer, "attestation"),
                bytes(answer, "attestationIssuer"), otherCardKey(), Slot.SIGNATURE, agent.guid));
    }

    @Test
    void anAttestationSignedByAnotherCardsF9KeyIsRefused() throws Exception {
        certifyAttestationKey(agent);
        certifyAttestationKey(otherCard);
        Map<String, Object> mine = agent.generateKeys("9C", "EC_P256").get("9C");
        Map<String, Object> theirs = otherCard.generateKeys("9C", "EC_P256").get("9C");
        PublicKey key = requestKey(Slot.SIGNATURE);
        assertRefused(Reason.UNTRUSTED, () -> verifier.verify(bytes(mine, "attestation"),
                bytes(theirs, "attestationIssuer"), key, Slot.SIGNATURE, agent.guid));
        assertRefused(Reason.WRONG_CARD, () -> verifier.verify(bytes(theirs, "attestation"),
                bytes(theirs, "attestationIssuer"), publicKey(theirs), Slot.SIGNATURE, agent.guid));
    }

    @Test
    void anAttestationKeyCertifiedByAnotherCaOrNotAtAllIsRefused() throws Exception {
        X509Certificate foreign = new CertificateMaker().certifyAttestationKey(agent.card.attestationKey(), agent.guid);
        writeAttestationCertificate(agent, foreign);
        Map<String, Object> answer = agent.generateKeys("9C", "EC_P256").get("9C");
        assertRefused(Reason.UNTRUSTED, () -> verifier.verify(bytes(answer, "attestation"),
                bytes(answer, "attestationIssuer"), publicKey(answer), Slot.SIGNATURE, agent.guid));

        Map<String, Object> uncertified = otherCard.generateKeys("9C", "EC_P256").get("9C");
        assertFalse(uncertified.containsKey("attestationIssuer"), "no F9 certificate on the card yet");
        X509Certificate attestation = certificate(bytes(uncertified, "attestation"));
        attestation.verify(otherCard.card.attestationKey());
        assertEquals("CN=FINE RA PIV Attestation (uncertified)", attestation.getIssuerX500Principal().getName());
    }

    @Test
    void anAttestationForAnotherSlotIsRefused() throws Exception {
        certifyAttestationKey(agent);
        Map<String, Map<String, Object>> generated = agent.generateKeys("9A", "EC_P256", "9C", "EC_P256");
        Map<String, Object> nineA = generated.get("9A");
        assertRefused(Reason.WRONG_SLOT, () -> verifier.verify(bytes(nineA, "attestation"),
                bytes(nineA, "attestationIssuer"), publicKey(nineA), Slot.SIGNATURE, agent.guid));
        assertRefused(Reason.MALFORMED, () -> verifier.verify(new byte[] {0x30, 0x00},
                bytes(nineA, "attestationIssuer"), publicKey(nineA), Slot.AUTHENTICATION, agent.guid));
    }

    /** The RA's half of personalization: certify the card's F9 key and write the certificate to the card. */
    private X509Certificate certifyAttestationKey(AgentFixture card) throws Exception {
        X509Certificate certificate = attestationCa.certifyAttestationKey(card.card.attestationKey(), card.guid);
        writeAttestationCertificate(card, certificate);
        return certificate;
    }

    private static void writeAttestationCertificate(AgentFixture card, X509Certificate certificate) throws Exception {
        String session = card.authenticateAsServer();
        Http.Response r = card.ticketed(Operation.WRITE_CERTIFICATE, session,
                Map.of("slot", "F9", "certificate", Base64.getEncoder().encodeToString(certificate.getEncoded())));
        assertEquals(200, r.status(), r.body());
        card.post("admin-close", session, Map.of(), null);
    }

    /** The key of the card-signed request for the slot, as the server reads it. */
    private PublicKey requestKey(Slot slot) throws Exception {
        Http.Response r = agent.ticketed(Operation.SIGN_REQUEST, null, Map.of("slot", slot.id()));
        assertEquals(200, r.status(), r.body());
        return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(
                Base64.getDecoder().decode((String) r.json().get("request"))).getPublicKey();
    }

    private PublicKey otherCardKey() throws Exception {
        return publicKey(otherCard.generateKeys("9C", "EC_P256").get("9C"));
    }

    private static PublicKey publicKey(Map<String, Object> answer) throws Exception {
        byte[] spki = bytes(answer, "publicKey");
        String algorithm = spki.length > 200 ? "RSA" : "EC";
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
    }

    private static byte[] bytes(Map<String, Object> answer, String field) {
        return Base64.getDecoder().decode((String) answer.get(field));
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void assertRefused(Reason reason, org.junit.jupiter.api.function.Executable verification) {
        assertEquals(reason, assertThrows(AttestationException.class, verification).reason());
    }
}
