package tw.fine.ra.certificate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CardProofCheckTest {

    private static final String ORIGIN = "https://ra.fine.example:8443";
    private static final String NONCE = "c2VydmVyLW5vbmNl";

    private final CardProofCheck check = new CardProofCheck();

    @Test
    void theMessageHasTheAgentsBytes() {
        // computed with the agent's CardProof.message(ORIGIN, NONCE): the two sides must agree byte for byte
        assertEquals("46494e452d524120636172642070726f6f66207631327f3d79245a9e77932fb3fa06fdc1f588d31b600685190f32"
                + "e366d9b85d3178bc9d53a62d9ce81f04164bb6795d98d033996082ae3af0b15be004365fb681a2",
                HexFormat.of().formatHex(CardProofCheck.message(ORIGIN, NONCE)));
    }

    @Test
    void anEcCardSignatureOverTheNonceVerifies() throws Exception {
        KeyPair card = keys("EC", new ECGenParameterSpec("secp256r1"));
        byte[] signature = sign(card, "SHA256withECDSA", ORIGIN, NONCE);
        assertTrue(check.verifies(certificate(card), ORIGIN, NONCE, signature));
    }

    @Test
    void anRsaCardSignatureOverTheNonceVerifies() throws Exception {
        KeyPair card = keys("RSA", null);
        byte[] signature = sign(card, "SHA256withRSA", ORIGIN, NONCE);
        assertTrue(check.verifies(certificate(card), ORIGIN, NONCE, signature));
    }

    @Test
    void aSignatureForAnotherNonceOriginOrKeyFails() throws Exception {
        KeyPair card = keys("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair other = keys("EC", new ECGenParameterSpec("secp256r1"));
        byte[] certificate = certificate(card);
        assertFalse(check.verifies(certificate, ORIGIN, NONCE, sign(card, "SHA256withECDSA", ORIGIN, "b3RoZXI")));
        assertFalse(check.verifies(certificate, ORIGIN, NONCE, sign(card, "SHA256withECDSA", "https://evil.example", NONCE)));
        assertFalse(check.verifies(certificate, ORIGIN, NONCE, sign(other, "SHA256withECDSA", ORIGIN, NONCE)));
    }

    @Test
    void aSignatureOfTheRawNonceOrGarbageFails() throws Exception {
        KeyPair card = keys("EC", new ECGenParameterSpec("secp256r1"));
        Signature raw = Signature.getInstance("SHA256withECDSA");
        raw.initSign(card.getPrivate());
        raw.update(NONCE.getBytes());
        assertFalse(check.verifies(certificate(card), ORIGIN, NONCE, raw.sign()), "only the derived message counts");
        assertFalse(check.verifies(certificate(card), ORIGIN, NONCE, new byte[] {0x30, 0x00}));
        assertFalse(check.verifies(certificate(card), ORIGIN, NONCE, new byte[0]));
        assertFalse(check.verifies(certificate(card), ORIGIN, NONCE, null));
    }

    static byte[] sign(KeyPair card, String algorithm, String origin, String nonce) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(card.getPrivate());
        signer.update(CardProofCheck.message(origin, nonce));
        return signer.sign();
    }

    private static KeyPair keys(String algorithm, ECGenParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static byte[] certificate(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=card");
        Instant now = Instant.now();
        String algorithm = keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now), Date.from(now.plusSeconds(60)),
                name, keys.getPublic()).build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()))
                .getEncoded();
    }
}
