package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-signed OCSP responses. The key holds the certificate's status version, so after a revocation,
 * hold or release the next lookup reads a new version and never meets the old response: no explicit
 * invalidation to forget, and it holds on every cluster node.
 */
final class OcspResponseCache {

    record Key(ByteBuffer certId, long statusVersion, BigInteger signerSerial) {
    }

    private record Entry(byte[] response, Instant staleAt) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;

    OcspResponseCache(int capacity) {
        this.capacity = capacity;
    }

    byte[] fresh(Key key, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && now.isBefore(entry.staleAt()) ? entry.response() : null;
    }

    void put(Key key, byte[] response, Instant staleAt) {
        if (entries.size() >= capacity) {
            // superseded versions pile up here; dropping everything now and then is cheaper than an LRU
            entries.clear();
        }
        entries.put(key, new Entry(response, staleAt));
    }
}
