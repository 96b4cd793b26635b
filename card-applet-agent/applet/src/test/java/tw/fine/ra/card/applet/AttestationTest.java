package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.piv.Tlv;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

/** GET METADATA (F7) and ATTEST (F9): the card tells its own public keys and vouches that it generated them. */
class AttestationTest {

    /** 2.25.239636511682251163999901559581088655581.1 and .2: card GUID and slot. */
    private static final String GUID_EXTENSION = "2.25.239636511682251163999901559581088655581.1";
    private static final String SLOT_EXTENSION = "2.25.239636511682251163999901559581088655581.2";

    @Test
    void metadataAnswersThePublicKeyTheGenerationAnswered() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin(2);
        PublicKey ec = card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        PublicKey rsa = card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048);
        assertArrayEquals(ec.getEncoded(), card.piv.publicKey(Slot.SIGNATURE).getEncoded());
        assertArrayEquals(rsa.getEncoded(), card.piv.publicKey(Slot.KEY_MANAGEMENT).getEncoded());
        Map<Integer, byte[]> metadata = Tlv.children(card.piv.send("GET METADATA", 0, 0xF7, 0, 0x9C, null));
        assertArrayEquals(new byte[] {0x11}, metadata.get(0x01));
        assertArrayEquals(new byte[] {0x03, 0x01}, metadata.get(0x02), "9C: PIN always, no touch");
        assertArrayEquals(new byte[] {0x01}, metadata.get(0x03), "generated on the card");
    }

    @Test
    void anEmptySlotHasNoMetadataAndNoAttestation() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6A88, () -> card.piv.publicKey(Slot.AUTHENTICATION));
        assertSw(0x6A88, () -> card.piv.attest(Slot.AUTHENTICATION));
    }

    @Test
    void theAttestationKeyExistsAfterPersonalizationButTheHostCannotUseOrReplaceIt() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        card.piv.publicKey(Slot.ATTESTATION);
        card.piv.verifyPin(CardFixture.PIN);
        assertSw(0x6A86, () -> card.piv.signSha256(Slot.ATTESTATION, KeyAlgorithm.EC_P256, new byte[32]));
        assertSw(0x6A86, () -> card.piv.generate(Slot.ATTESTATION, KeyAlgorithm.EC_P256));
        assertSw(0x6A86, () -> card.piv.attest(Slot.ATTESTATION));
    }

    @Test
    void eachCardHasItsOwnAttestationKey() throws Exception {
        assertNotEquals(Arrays.toString(CardFixture.personalized().piv.publicKey(Slot.ATTESTATION).getEncoded()),
                Arrays.toString(CardFixture.personalized().piv.publicKey(Slot.ATTESTATION).getEncoded()));
    }

    @Test
    void theAttestationCertifiesTheSlotsKeyAndIsSignedByF9() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin(KeyAlgorithm.values().length);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            PublicKey key = card.piv.generate(Slot.SIGNATURE, algorithm);
            X509Certificate attestation = certificate(card.piv.attest(Slot.SIGNATURE));
            attestation.verify(card.piv.publicKey(Slot.ATTESTATION));
            assertEquals(3, attestation.getVersion());
            assertEquals("SHA256withECDSA", attestation.getSigAlgName());
            assertArrayEquals(key.getEncoded(), attestation.getPublicKey().getEncoded(), algorithm.name());
            assertEquals("CN=FINE RA PIV Attestation 9C", attestation.getSubjectX500Principal().getName());
            assertEquals("CN=FINE RA PIV Attestation (uncertified)", attestation.getIssuerX500Principal().getName());
            assertArrayEquals(Tlv.encode(0x04, CardFixture.GUID), unwrapOctets(attestation.getExtensionValue(GUID_EXTENSION)));
            assertArrayEquals(Tlv.encode(0x04, new byte[] {(byte) 0x9C}),
                    unwrapOctets(attestation.getExtensionValue(SLOT_EXTENSION)));
        }
    }

    @Test
    void twoAttestationsOfOneKeyHaveDifferentSerials() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.EC_P256);
        assertNotEquals(certificate(card.piv.attest(Slot.AUTHENTICATION)).getSerialNumber(),
                certificate(card.piv.attest(Slot.AUTHENTICATION)).getSerialNumber());
    }

    @Test
    void theAttestationCertificateObjectIsWrittenAfterTheManagementKeyAndReadBack() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] body = Tlv.concat(Tlv.encode(0x70, new byte[] {0x30, 0x00}), Tlv.encode(0x71, new byte[] {0}));
        assertSw(0x6982, () -> card.piv.writeObject(0x5FFF01, body));
        card.authenticateAdmin();
        card.piv.writeObject(0x5FFF01, body);
        assertArrayEquals(body, card.piv.readObject(0x5FFF01).orElseThrow());
        assertEquals(0x6A82, card.raw("00CB3FFF055C035FC1F900").getSW(), "5FC1F9 is not an alias of 5FFF01");
    }

    static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** getExtensionValue answers the DER OCTET STRING around extnValue's content. */
    private static byte[] unwrapOctets(byte[] extensionValue) {
        return Tlv.unwrap(0x04, extensionValue);
    }
}
