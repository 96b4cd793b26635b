package tw.fine.ra.card.protocol.x509;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DerTest {

    @Test
    void theAttestationExtensionOidsEncodeAsTheAppletWritesThem() {
        // openssl asn1parse -genstr OID:2.25.239636511682251163999901559581088655581.1 prints these bytes.
        assertEquals("06156982e8c8a88e8f989aa99b80b6aecad385fed15d01", hex(Der.oid(AttestationVerifier.GUID_EXTENSION)));
        assertEquals("06156982e8c8a88e8f989aa99b80b6aecad385fed15d02", hex(Der.oid(AttestationVerifier.SLOT_EXTENSION)));
        assertEquals("06082a8648ce3d040302", hex(Der.oid(CertificationRequests.ECDSA_SHA256)));
    }

    @Test
    void lengthsUseTheShortestForm() {
        assertEquals("047f", hex(Der.octetString(new byte[127])).substring(0, 4));
        assertEquals("048180", hex(Der.octetString(new byte[128])).substring(0, 6));
        assertEquals("04820100", hex(Der.octetString(new byte[256])).substring(0, 8));
        assertEquals("020100", hex(Der.integer(BigInteger.ZERO)));
        assertEquals("02020080", hex(Der.integer(BigInteger.valueOf(128))));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
