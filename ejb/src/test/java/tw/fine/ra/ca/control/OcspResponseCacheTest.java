package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.OcspAnswer;

class OcspResponseCacheTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final int ENTRY = 1000 + 2 + OcspResponseCache.OVERHEAD;

    final OcspResponseCache cache = new OcspResponseCache(3L * ENTRY);

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsedNotEverything() {
        put(1);
        put(2);
        put(3);
        assertNotNull(cache.fresh(key(1, 0), NOW), "1 is used, so 2 is now the eldest");

        put(4);

        assertNull(cache.fresh(key(2, 0), NOW));
        assertNotNull(cache.fresh(key(1, 0), NOW));
        assertNotNull(cache.fresh(key(3, 0), NOW));
        assertNotNull(cache.fresh(key(4, 0), NOW));
    }

    @Test
    void theBoundIsInBytesSoLargerResponsesMeanFewerEntries() {
        for (int i = 0; i < 100; i++) {
            cache.put(key(i, 0), cache.generation(), answer(2000));
        }
        assertTrue(cache.bytes() <= 3L * ENTRY, cache.bytes() + " bytes");
        assertEquals(1, cache.size());
    }

    @Test
    void theRefreshTimeDropsTheEntry() {
        put(1);

        assertNull(cache.fresh(key(1, 0), NOW.plusSeconds(60)), "refresh time reached");
        assertNull(cache.fresh(key(1, 0), NOW), "and gone");
        assertEquals(0, cache.bytes());
    }

    @Test
    void aStatusChangeDropsEveryResponseOfItsSerialAndNoOther() {
        cache.put(key(1, 0), cache.generation(), answer(500));
        cache.put(key(1, 1), cache.generation(), answer(500));
        put(2);

        cache.invalidate(BigInteger.ONE);

        assertNull(cache.fresh(key(1, 0), NOW), "SHA-1 CertID");
        assertNull(cache.fresh(key(1, 1), NOW), "SHA-256 CertID");
        assertNotNull(cache.fresh(key(2, 0), NOW));
        assertEquals(1, cache.size());
        assertEquals(ENTRY, cache.bytes());
    }

    @Test
    void aResponseSignedFromAStatusReadBeforeAChangeIsNotKept() {
        long before = cache.generation();
        cache.invalidate(BigInteger.valueOf(9));

        cache.put(key(1, 0), before, answer(1000));

        assertNull(cache.fresh(key(1, 0), NOW));
        assertEquals(0, cache.bytes());
    }

    private void put(int serial) {
        cache.put(key(serial, 0), cache.generation(), answer(1000));
    }

    private static OcspResponseCache.Key key(int serial, int algorithm) {
        return new OcspResponseCache.Key(BigInteger.valueOf(serial), algorithm, BigInteger.ZERO);
    }

    private static OcspAnswer answer(int size) {
        return OcspAnswer.signed(new byte[size], NOW, NOW.plusSeconds(3600), NOW.plusSeconds(60));
    }
}
