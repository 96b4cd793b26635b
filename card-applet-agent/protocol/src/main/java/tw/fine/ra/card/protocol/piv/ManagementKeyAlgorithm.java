package tw.fine.ra.card.protocol.piv;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** Card management key (9B) algorithms: AES-128 for FINE RA cards, 3DES for middleware defaults. */
public enum ManagementKeyAlgorithm {
    TDES(0x03, 24, 8, "DESede"),
    AES_128(0x08, 16, 16, "AES");

    private final int id;
    private final int keyLength;
    private final int blockLength;
    private final String jcaName;

    ManagementKeyAlgorithm(int id, int keyLength, int blockLength, String jcaName) {
        this.id = id;
        this.keyLength = keyLength;
        this.blockLength = blockLength;
        this.jcaName = jcaName;
    }

    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int blockLength() {
        return blockLength;
    }

    /** One ECB block with the management key: what the holder of the key computes in the challenge-response. */
    public byte[] crypt(int mode, byte[] key, byte[] block) {
        if (key.length != keyLength || block.length != blockLength) {
            throw new IllegalArgumentException("wrong key or block length for " + this);
        }
        try {
            Cipher cipher = Cipher.getInstance(jcaName + "/ECB/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, jcaName));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
