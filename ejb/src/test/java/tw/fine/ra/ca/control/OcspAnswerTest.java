package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.OcspAnswer;

/** The HTTP side of an answer (RFC 5019 6.2); in this package because it reads the response with Bouncy Castle. */
class OcspAnswerTest {

    static final Instant THIS_UPDATE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void maxAgeEndsAtNextUpdateOrAtTheRespondersRefreshWhicheverComesFirst() {
        OcspAnswer refreshFirst = OcspAnswer.signed(new byte[] {1}, THIS_UPDATE, THIS_UPDATE.plusSeconds(7200),
                THIS_UPDATE.plusSeconds(3600));
        OcspAnswer nextUpdateFirst = OcspAnswer.signed(new byte[] {1}, THIS_UPDATE, THIS_UPDATE.plusSeconds(600),
                THIS_UPDATE.plusSeconds(3600));

        assertEquals(3000, refreshFirst.maxAgeSeconds(THIS_UPDATE.plusSeconds(600)));
        assertEquals(500, nextUpdateFirst.maxAgeSeconds(THIS_UPDATE.plusSeconds(100)));
        assertEquals(0, nextUpdateFirst.maxAgeSeconds(THIS_UPDATE.plusSeconds(9000)), "never negative");
    }

    @Test
    void theEntityTagIsTheHashOfTheBytes() {
        OcspAnswer one = OcspAnswer.signed(new byte[] {1}, THIS_UPDATE, THIS_UPDATE, THIS_UPDATE);
        OcspAnswer same = OcspAnswer.signed(new byte[] {1}, THIS_UPDATE.plusSeconds(1), THIS_UPDATE, THIS_UPDATE);
        OcspAnswer other = OcspAnswer.signed(new byte[] {2}, THIS_UPDATE, THIS_UPDATE, THIS_UPDATE);

        assertEquals("\"4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a\"", one.etag());
        assertEquals(one.etag(), same.etag());
        assertNotEquals(one.etag(), other.etag());
    }

    @Test
    void theFallbackInternalErrorIsAnUnsignedOcspResponse() throws Exception {
        OcspAnswer error = OcspAnswer.internalError();

        assertEquals(OCSPResp.INTERNAL_ERROR, new OCSPResp(error.der()).getStatus());
        assertFalse(error.cacheable());
    }
}
