package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * Signed OCSP responses of known certificates, one per CertID and signer, bounded by bytes: when full
 * the least recently used go first, never everything at once. An entry remembers the status version it
 * was signed for; a lookup with another version (the certificate was revoked, held or released) drops it,
 * so a superseded response is neither served nor kept.
 */
final class OcspResponseCache {

    /** What a response costs beyond its bytes: key, entry, answer and map node, roughly. */
    static final int OVERHEAD = 320;

    record Key(ByteBuffer certId, BigInteger signerSerial) {

        int size() {
            return certId.remaining() + signerSerial.bitLength() / 8;
        }
    }

    private record Entry(long statusVersion, OcspAnswer answer, int size) {
    }

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private final long maxBytes;
    private long bytes;

    OcspResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The response for this version until its refresh time, or null. */
    synchronized OcspAnswer fresh(Key key, long statusVersion, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.statusVersion() != statusVersion || !now.isBefore(entry.answer().refreshAt())) {
            remove(key);
            return null;
        }
        return entry.answer();
    }

    synchronized void put(Key key, long statusVersion, OcspAnswer answer) {
        remove(key);
        int size = answer.der().length + key.size() + OVERHEAD;
        if (size > maxBytes) {
            return;
        }
        entries.put(key, new Entry(statusVersion, answer, size));
        bytes += size;
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
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
