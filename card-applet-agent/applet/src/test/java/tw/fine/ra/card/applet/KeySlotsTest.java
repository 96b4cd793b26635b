package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.card.applet.CardFixture.PIN;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

class KeySlotsTest {

    private static final byte[] MESSAGE = "FINE RA proof of possession".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void generationNeedsTheManagementKey() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6982, () -> card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.EC_P256));
    }

    @Test
    void rsa2048In9aSignsAfterThePinAndJavaVerifiesIt() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        PublicKey key = card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048);
        assertEquals(2048, ((RSAPublicKey) key).getModulus().bitLength());
        assertSw(0x6982, () -> card.piv.signSha256(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048, sha256()));
        card.piv.verifyPin(PIN);
        // 9A stays usable for the session: a second signature needs no second PIN.
        for (int i = 0; i < 2; i++) {
            assertTrue(verifies("SHA256withRSA", key, card.piv.signSha256(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048, sha256())));
        }
    }

    @Test
    void p256In9cNeedsAFreshPinForEverySignature() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        PublicKey key = card.piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        assertEquals(256, ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize());
        for (int i = 0; i < 2; i++) {
            card.piv.verifyPin(PIN);
            assertTrue(verifies("SHA256withECDSA", key, card.piv.signSha256(Slot.SIGNATURE, KeyAlgorithm.EC_P256, sha256())));
            assertSw(0x6982, () -> card.piv.signSha256(Slot.SIGNATURE, KeyAlgorithm.EC_P256, sha256()));
        }
    }

    @Test
    void rsaIn9dDecryptsWhatJavaEncrypted() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        PublicKey key = card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048);
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        byte[] secret = "session key 0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] encrypted = cipher.doFinal(secret);
        card.piv.verifyPin(PIN);
        byte[] block = card.piv.privateKeyOperation(Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048, encrypted);
        assertEquals(256, block.length);
        assertEquals(2, block[1]);
        assertArrayEquals(secret, Arrays.copyOfRange(block, block.length - secret.length, block.length));
    }

    @Test
    void ecdhIn9dAgreesWithJava() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        PublicKey cardKey = card.piv.generate(Slot.KEY_MANAGEMENT, KeyAlgorithm.EC_P256);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair peer = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(peer.getPrivate());
        agreement.doPhase(cardKey, true);
        card.piv.verifyPin(PIN);
        byte[] onCard = card.piv.keyAgreement(Slot.KEY_MANAGEMENT, uncompressed((ECPublicKey) peer.getPublic()));
        assertArrayEquals(agreement.generateSecret(), onCard);
    }

    @Test
    void cardAuthenticationKey9eSignsWithoutAPin() throws Exception {
        CardFixture card = CardFixture.blank();
        PublicKey key = card.piv.personalize(new tw.fine.ra.card.protocol.piv.Personalization(CardFixture.GUID, PIN,
                CardFixture.PUK, tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm.AES_128, CardFixture.AES_KEY,
                KeyAlgorithm.EC_P256));
        byte[] signature = card.piv.signSha256(Slot.CARD_AUTHENTICATION, KeyAlgorithm.EC_P256, sha256());
        assertTrue(verifies("SHA256withECDSA", key, signature));
    }

    @Test
    void anEmptySlotIs6A88() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.verifyPin(PIN);
        assertSw(0x6A88, () -> card.piv.signSha256(Slot.AUTHENTICATION, KeyAlgorithm.EC_P256, sha256()));
    }

    @Test
    void naming_theWrongAlgorithmForASlotIs6A86() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.piv.verifyPin(PIN);
        assertSw(0x6A86, () -> card.piv.signSha256(Slot.CARD_AUTHENTICATION, KeyAlgorithm.RSA_2048, sha256()));
    }

    @Test
    void aKeyReferenceOutsideTheFourSlotsIs6A86() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertEquals(0x6A86, card.raw("004700820" + "5AC03800111").getSW());
    }

    @Test
    void anUnsupportedAlgorithmIs6A80() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertEquals(0x6A80, card.raw("0047009A05AC03800106").getSW());
    }

    @Test
    void aShortEcdsaInputIs6A80() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6A80, () -> card.piv.privateKeyOperation(Slot.CARD_AUTHENTICATION, KeyAlgorithm.EC_P256, new byte[20]));
    }

    @Test
    void aWrongSizeRsaBlockIs6A80() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        card.piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048);
        card.piv.verifyPin(PIN);
        assertSw(0x6A80, () -> card.piv.privateKeyOperation(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048, new byte[255]));
    }

    private static byte[] sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(MESSAGE);
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copyFixed(key.getW().getAffineX().toByteArray(), point, 1);
        copyFixed(key.getW().getAffineY().toByteArray(), point, 33);
        return point;
    }

    private static void copyFixed(byte[] number, byte[] out, int off) {
        int len = Math.min(number.length, 32);
        System.arraycopy(number, number.length - len, out, off + 32 - len, len);
    }
}
