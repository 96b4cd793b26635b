package tw.fine.ra.card.protocol.ticket;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the nonces of accepted tickets until they expire, so each ticket works once. Memory
 * is bounded by the ticket lifetime: once a ticket has expired its nonce cannot be replayed anyway.
 */
public final class ReplayGuard {

    private static final int MAX_REMEMBERED = 100_000;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** True the first time a nonce is offered, false for every repetition before it expires. */
    public boolean firstUse(String nonce, Instant expiresAt, Instant now) {
        purge(now);
        if (seen.size() >= MAX_REMEMBERED) {
            // Refusing is safer than forgetting: an attacker flooding us cannot make old nonces reusable.
            return false;
        }
        return seen.putIfAbsent(nonce, expiresAt) == null;
    }

    private void purge(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().isBefore(now)) {
                it.remove();
            }
        }
    }
}
