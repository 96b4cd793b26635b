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
import java.util.HashMap;
import java.util.Map;
import tw.fine.ra.ca.entity.CertificateStatusChanged;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * The application's one OCSP responder, so its signed responses are shared by all requests. A kept
 * response is served without reading the status; it is dropped when its certificate's status
 * changes: at once when the change commits on this node, and within a second
 * ({@link #pollChanges}) when it commits on another node, which the database tells through the
 * certificates' indexed time of their last status change.
 */
@ApplicationScoped
public class OcspResponder {

    /**
     * How far back each poll looks: a change is stamped when its transaction writes it and seen when
     * that commits, so a transaction may take this long, and the nodes' clocks may differ by this much.
     */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    @Inject
    CaCredentials keys;

    @Inject
    CertificateStatusLookup lookup;

    @Inject
    Clock clock;

    private OcspProtocol responder;
    private Instant lastPoll;
    /** The changes the last poll saw (serial to version), so the next one drops each response only once. */
    private Map<String, Long> seen = Map.of();

    @PostConstruct
    void create() {
        responder = new OcspProtocol(keys.ca(), keys::ocspSigner, lookup::stateOf, clock,
                keys.settings().ocspResponseValidity(), keys.settings().ocspSignaturesPerSecond());
    }

    public OcspAnswer respond(byte[] request) {
        return responder.answer(request);
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateStatusChanged change) {
        responder.invalidate(change.serial());
    }

    /** Drops the responses of every certificate whose status changed since the last poll, on any node. */
    public synchronized void pollChanges() {
        Instant now = clock.instant();
        Instant since = (lastPoll == null ? now : lastPoll).minus(OVERLAP);
        Map<String, Long> changes = new HashMap<>();
        for (Object[] change : lookup.changedSince(since)) {
            String serial = (String) change[0];
            Long version = ((Number) change[1]).longValue();
            changes.put(serial, version);
            if (!version.equals(seen.get(serial))) {
                responder.invalidate(new BigInteger(serial, 16));
            }
        }
        seen = changes;
        lastPoll = now;
    }
}
