package tw.fine.ra.audit.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The key that signs audit checkpoints, as the CA key store holds it (ADR 0009): a handle to the
 * private key (on a token non-extractable), the provider that signs with it and the public key that
 * checks the signatures. The {@code ca} capability produces it; the trail never opens the key store.
 */
public record AuditSigningKey(PrivateKey privateKey, Provider provider, PublicKey publicKey) {

    /** What a checkpoint names its key by: the SHA-256 of the public key's SubjectPublicKeyInfo, in hex. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never the private key, whatever its class would print. */
    @Override
    public String toString() {
        return "AuditSigningKey[" + publicKey.getAlgorithm() + " " + keyId() + "]";
    }
}
