package tw.fine.ra.card.protocol.piv;

import java.util.Arrays;

/**
 * Body of the vendor PERSONALIZE instruction (INS E1), which a FINE RA card accepts exactly once:
 * {@code C1 GUID(16), C2 PIN(8), C3 PUK(8), C4 (algorithm, management key)}; P2 names the
 * algorithm of the card-authentication key (9E) the card generates at the same time.
 */
public record Personalization(byte[] guid, char[] pin, byte[] puk, ManagementKeyAlgorithm managementAlgorithm,
                              byte[] managementKey, KeyAlgorithm cardAuthenticationKey) {

    public static final int GUID_LENGTH = 16;

    public Personalization {
        if (guid.length != GUID_LENGTH || puk.length != Pin.MAX_LENGTH
                || managementKey.length != managementAlgorithm.keyLength()) {
            throw new IllegalArgumentException("GUID 16 bytes, PUK 8 bytes, management key of its algorithm's length");
        }
    }

    /** The APDU body; the caller wipes it after sending since it holds the PIN, PUK and key. */
    public byte[] encode() {
        byte[] pinBytes = Pin.encode(pin);
        byte[] key = new byte[1 + managementKey.length];
        key[0] = (byte) managementAlgorithm.id();
        System.arraycopy(managementKey, 0, key, 1, managementKey.length);
        try {
            return Tlv.concat(Tlv.encode(0xC1, guid), Tlv.encode(0xC2, pinBytes), Tlv.encode(0xC3, puk),
                    Tlv.encode(0xC4, key));
        } finally {
            Arrays.fill(pinBytes, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }
}
