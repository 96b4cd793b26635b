package tw.fine.ra.ca.control;

import java.time.Instant;

/**
 * How many OCSP responses per second the responder signs on demand, so that requests it cannot
 * answer from its cache (made-up serials, nonces, several CertIDs, more certificates than the cache
 * holds) cannot take every CPU; past it the responder answers {@code tryLater} or a response
 * without the nonce. Counted per calendar second.
 */
final class SigningBudget {

    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int used;

    SigningBudget(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized boolean take(Instant now) {
        long current = now.getEpochSecond();
        if (current != second) {
            second = current;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        return true;
    }
}
