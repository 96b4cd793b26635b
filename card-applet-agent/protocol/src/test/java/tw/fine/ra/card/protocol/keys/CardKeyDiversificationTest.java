package tw.fine.ra.card.protocol.keys;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardKeyDiversificationTest {

    private final CardKeyDiversification kdf = new CardKeyDiversification(new byte[32]);
    private final byte[] guid = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

    @Test
    void eachCardGetsItsOwnManagementKey() {
        byte[] other = guid.clone();
        other[15] ^= 1;
        assertEquals(16, kdf.managementKey(guid).length);
        assertFalse(java.util.Arrays.equals(kdf.managementKey(guid), kdf.managementKey(other)));
    }

    @Test
    void thePukIsEightDigitsAndUnrelatedToTheManagementKey() {
        String puk = new String(kdf.puk(guid), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(puk.matches("[0-9]{8}"), puk);
        assertFalse(HexFormat.of().formatHex(kdf.managementKey(guid)).startsWith(HexFormat.of().formatHex(kdf.puk(guid))));
    }

    @Test
    void aShortMasterKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CardKeyDiversification(new byte[16]));
    }

    @Test
    void aMasterKeyHandleThroughAProviderDerivesTheSameKeys() throws Exception {
        javax.crypto.SecretKey handle = new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256");
        CardKeyDiversification held = new CardKeyDiversification(handle, java.security.Security.getProvider("SunJCE"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(kdf.managementKey(guid), held.managementKey(guid));
        org.junit.jupiter.api.Assertions.assertArrayEquals(kdf.puk(guid), held.puk(guid));
    }
}
