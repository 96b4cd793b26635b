package tw.fine.ra.card.protocol.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the nonces of accepted tickets until they expire, so each ticket works once. Memory
 * is bounded by the ticket lifetime: once a ticket has expired its nonce cannot be replayed anyway.
 *
 * <p>The memory begins at its {@code horizon} (the agent's start): a ticket issued before it may
 * have been spent by an earlier run of the agent, whose nonces died with it, so the guard cannot
 * vouch for it ({@link #remembers}). No clock skew is allowed here: tolerating tickets from before
 * the horizon would reopen exactly the window the horizon closes (docs/adr/0007).
 */
public final class ReplayGuard {

    private static final int MAX_REMEMBERED = 100_000;
    private final Instant horizon;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** A guard whose memory covers tickets issued at {@code horizon} or later. */
    public ReplayGuard(Instant horizon) {
        this.horizon = horizon;
    }

    /**
     * The horizon for a guard created at {@code start}: the next whole second. Ticket times
     * ({@code iat}) are whole seconds rounded down, so a ticket issued in the second the agent
     * started would have an {@code iat} before {@code start} although it may be fresh, and one
     * issued just before it the same {@code iat}. The agent listens only from the horizon on.
     */
    public static Instant horizonAfter(Instant start) {
        Instant second = start.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(start) ? start : second.plusSeconds(1);
    }

    /** False for a ticket issued before this guard's memory began. */
    public boolean remembers(Instant issuedAt) {
        return !issuedAt.isBefore(horizon);
    }

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
