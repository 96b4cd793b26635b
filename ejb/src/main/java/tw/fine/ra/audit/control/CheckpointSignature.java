package tw.fine.ra.audit.control;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.audit.entity.Checkpoint;

/**
 * Signs checkpoints with the audit key (SHA256withECDSA through the key store's provider, so on an
 * HSM the key is used on the token) and checks them with its public half.
 */
public final class CheckpointSignature {

    static final String ALGORITHM = "SHA256withECDSA";

    private final AuditSigningKey key;

    public CheckpointSignature(AuditSigningKey key) {
        this.key = key;
    }

    public Checkpoint sign(long seq, String hash, Instant at) {
        String keyId = key.keyId();
        try {
            Signature signer = key.provider() == null ? Signature.getInstance(ALGORITHM)
                    : Signature.getInstance(ALGORITHM, key.provider());
            signer.initSign(key.privateKey());
            signer.update(Checkpoint.payload(seq, hash, at, keyId));
            return new Checkpoint(seq, hash, at, keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit key cannot sign", e);
        }
    }

    /** True when the checkpoint names this key and carries its signature over the checkpoint's fields. */
    public boolean isGenuine(Checkpoint checkpoint) {
        if (!checkpoint.keyId().equals(key.keyId())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.publicKey());
            verifier.update(checkpoint.payload());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
