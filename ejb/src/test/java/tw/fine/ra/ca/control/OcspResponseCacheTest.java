package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.OcspAnswer;

class OcspResponseCacheTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final int ENTRY = 1000 + 1 + OcspResponseCache.OVERHEAD;

    final OcspResponseCache cache = new OcspResponseCache(3L * ENTRY);

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsedNotEverything() {
        put(1);
        put(2);
        put(3);
        assertNotNull(cache.fresh(key(1), 7, NOW), "1 is used, so 2 is now the eldest");

        put(4);

        assertNull(cache.fresh(key(2), 7, NOW));
        assertNotNull(cache.fresh(key(1), 7, NOW));
        assertNotNull(cache.fresh(key(3), 7, NOW));
        assertNotNull(cache.fresh(key(4), 7, NOW));
    }

    @Test
    void theBoundIsInBytesSoLargerResponsesMeanFewerEntries() {
        for (int i = 0; i < 100; i++) {
            cache.put(key(i), 7, answer(2000));
        }
        assertTrue(cache.bytes() <= 3L * ENTRY, cache.bytes() + " bytes");
        assertEquals(1, cache.size());
    }

    @Test
    void anotherStatusVersionOrTheRefreshTimeDropsTheEntry() {
        put(1);
        put(2);

        assertNull(cache.fresh(key(1), 8, NOW), "status changed");
        assertNull(cache.fresh(key(1), 7, NOW), "and gone");
        assertNull(cache.fresh(key(2), 7, NOW.plusSeconds(60)), "refresh time reached");
        assertEquals(0, cache.bytes());
    }

    private void put(int serial) {
        cache.put(key(serial), 7, answer(1000));
    }

    private static OcspResponseCache.Key key(int id) {
        return new OcspResponseCache.Key(ByteBuffer.wrap(new byte[] {(byte) id}), BigInteger.ZERO);
    }

    private static OcspAnswer answer(int size) {
        return OcspAnswer.signed(new byte[size], NOW, NOW.plusSeconds(3600), NOW.plusSeconds(60));
    }
}
