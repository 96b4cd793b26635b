package tw.fine.ra.ca.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tw.fine.ra.ca.entity.CertificateStatusChanged;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * The application's one OCSP responder, so its pre-signed responses are shared by all requests.
 * Statuses read from the database are kept for {@code fine.ca.ocsp.status-cache} (default 5 s)
 * so a busy responder does not query per request; any revocation, hold or release committed on
 * this node empties that cache at once. Another cluster node sees a change within that time
 * (set it to PT0S to read the database on every request).
 */
@ApplicationScoped
public class OcspResponder {

    @Inject
    CaCredentials keys;

    @Inject
    CertificateStatusLookup lookup;

    @Inject
    Clock clock;

    private record Known(CertificateState state, Instant readAt) {
    }

    private final ConcurrentHashMap<BigInteger, Known> states = new ConcurrentHashMap<>();
    /** Bumped on every change, so a lookup that raced with a change does not put its stale answer back. */
    private final AtomicLong generation = new AtomicLong();
    private Duration statusCache;
    private OcspProtocol responder;

    @PostConstruct
    void create() {
        statusCache = keys.settings().ocspStatusCache();
        responder = new OcspProtocol(keys.ca(), keys::ocspSigner, this::stateOf, clock,
                keys.settings().ocspResponseValidity());
    }

    public OcspAnswer respond(byte[] request) {
        return responder.answer(request);
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        generation.incrementAndGet();
        states.clear();
    }

    private CertificateState stateOf(BigInteger serial) {
        Instant now = clock.instant();
        Known known = states.get(serial);
        if (known != null && now.isBefore(known.readAt().plus(statusCache))) {
            return known.state();
        }
        long before = generation.get();
        CertificateState state = lookup.stateOf(serial);
        // unknown is not kept: the serial may be issued a moment later, and issuance fires no change
        if (state.answer() != CertificateState.Answer.UNKNOWN && generation.get() == before) {
            if (states.size() > 100_000) {
                states.clear();
            }
            states.put(serial, new Known(state, now));
        }
        return state;
    }
}
