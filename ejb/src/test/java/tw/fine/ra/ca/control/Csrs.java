package tw.fine.ra.ca.control;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 requests as a card would send them, made in the test. */
final class Csrs {

    private Csrs() {
    }

    static KeyPair rsa(int bits) {
        return keys("RSA", new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
    }

    static KeyPair ec(String curve) {
        return keys("EC", new ECGenParameterSpec(curve));
    }

    static KeyPair keys(String algorithm, AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(spec);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] request(KeyPair keys) {
        return request(keys, keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
    }

    /** The subject is what an attacker would like to see certified; the CA must ignore it. */
    static byte[] request(KeyPair keys, String signatureAlgorithm) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Attacker chosen, O=Evil, C=XX"),
                    keys.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()))
                    .getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
