package tw.fine.ra.card.protocol.piv;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The sealer against vectors computed by an independent implementation (Python cryptography). */
class PersonalizationSealerTest {

    private final Map<String, Object> vector = load();

    @Test
    void theVectorContentIsThePersonalizationBody() {
        assertEquals(string("contentHex"), HexFormat.of().formatHex(vectorPersonalization().encode()));
    }

    @Test
    void sealingWithTheVectorsEphemeralKeyGivesTheVectorEnvelope() throws Exception {
        KeyPair ephemeral = new KeyPair(publicKey("ephemeralPointHex"), privateKey("ephemeralPrivateKeyHex"));
        byte[] envelope = PersonalizationSealer.seal(publicKey("transportPointHex"), bytes(string("contentHex")), ephemeral);
        assertEquals(string("envelopeHex"), HexFormat.of().formatHex(envelope));
    }

    @Test
    void eachSealUsesAFreshEphemeralKeyAndHidesTheSecrets() {
        String first = HexFormat.of().formatHex(PersonalizationSealer.seal(publicKey("transportPointHex"), vectorPersonalization()));
        String second = HexFormat.of().formatHex(PersonalizationSealer.seal(publicKey("transportPointHex"), vectorPersonalization()));
        assertNotEquals(first, second);
        // management key, PUK and PIN in the forms the content carries them
        for (String secret : new String[] {"9ee0710ab0a46e3bfb4a3558ad85fb91", "3531363132363238", "373339323135"}) {
            assertFalse(first.contains(secret), secret);
        }
    }

    private static Personalization vectorPersonalization() {
        return new Personalization(bytes("00112233445566778899aabbccddeeff"), "739215".toCharArray(),
                "51612628".getBytes(StandardCharsets.US_ASCII), ManagementKeyAlgorithm.AES_128,
                bytes("9ee0710ab0a46e3bfb4a3558ad85fb91"), KeyAlgorithm.EC_P256);
    }

    private ECPublicKey publicKey(String field) {
        return (ECPublicKey) PublicKeys.fromFields(KeyAlgorithm.EC_P256, Tlv.encode(0x86, bytes(string(field))));
    }

    private ECPrivateKey privateKey(String field) throws Exception {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(new BigInteger(string(field), 16), PublicKeys.p256()));
    }

    private String string(String field) {
        return (String) vector.get(field);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static Map<String, Object> load() {
        try {
            return JSONObjectUtils.parse(Files.readString(Path.of("test-vectors/sealed-personalization-v1.json")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
