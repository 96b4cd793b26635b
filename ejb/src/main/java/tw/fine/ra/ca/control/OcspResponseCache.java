package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * Signed OCSP responses of known certificates, one per serial, CertID hash algorithm and signer,
 * bounded by bytes: when full the least recently used go first, never everything at once. The cache
 * is what the responder serves without reading the status: a status change drops every response of
 * its serial ({@link #invalidate}), and a response signed from a status read before that change is
 * not stored ({@link #generation}).
 */
final class OcspResponseCache {

    /** What a response costs beyond its bytes: key, entry, answer and map node, roughly. */
    static final int OVERHEAD = 320;

    /**
     * @param algorithm the index {@link IssuerHashes} gave the request's CertID hash algorithm (with
     *                  its parameters, which the response repeats)
     */
    record Key(BigInteger serial, int algorithm, BigInteger signerSerial) {

        int size() {
            return serial.bitLength() / 8 + signerSerial.bitLength() / 8 + 2;
        }
    }

    private record Entry(OcspAnswer answer, int size) {
    }

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private final long maxBytes;
    private long bytes;
    private long generation;

    OcspResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The response until its refresh time, or null. */
    synchronized OcspAnswer fresh(Key key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.answer().refreshAt())) {
            remove(key);
            return null;
        }
        return entry.answer();
    }

    /** Counts the invalidations; read it before reading a status, give it to {@link #put}. */
    synchronized long generation() {
        return generation;
    }

    /** Keeps the response unless a status changed since {@code generation} was read. */
    synchronized void put(Key key, long generation, OcspAnswer answer) {
        if (generation != this.generation) {
            return;
        }
        remove(key);
        int size = answer.der().length + key.size() + OVERHEAD;
        if (size > maxBytes) {
            return;
        }
        entries.put(key, new Entry(answer, size));
        bytes += size;
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    /**
     * Drops every response of this serial. Status changes are rare (people revoke, hold and release), so
     * walking the entries costs less than keeping a second index.
     */
    synchronized void invalidate(BigInteger serial) {
        generation++;
        Iterator<Map.Entry<Key, Entry>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<Key, Entry> entry = all.next();
            if (entry.getKey().serial().equals(serial)) {
                bytes -= entry.getValue().size();
                all.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private void remove(Key key) {
        Entry gone = entries.remove(key);
        if (gone != null) {
            bytes -= gone.size();
        }
    }
}
