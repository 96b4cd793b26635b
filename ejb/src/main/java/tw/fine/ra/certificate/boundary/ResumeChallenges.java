package tw.fine.ra.certificate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tw.fine.ra.certificate.entity.ResumeChallenge;
import tw.fine.ra.platform.Settings;

/**
 * The single-use nonces the card signs to prove possession when a pair is resumed, or before a
 * certificate download writes to the card. A nonce is bound to the signed-in subscriber and to an
 * origin: for resuming the site's configured origin (never an origin a request names), for a
 * download the page's origin once it was checked against the RA's configured list. It is spent in
 * its own transaction, so a failed attempt spends it too.
 */
@Stateless
@RolesAllowed("SUBSCRIBER")
public class ResumeChallenges {

    /** Long enough to find the card and type the PIN in the agent's dialog. */
    public static final Duration LIFETIME = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Resource
    SessionContext caller;

    /** What the page hands to the agent: sign this nonce for this origin. */
    public record Challenge(String nonce, String origin, Instant expiresAt) implements java.io.Serializable {
    }

    /** A new nonce of 256 random bits (base64url) for the caller, valid for {@link #LIFETIME}. */
    public Challenge issue() {
        return issue(siteOrigin());
    }

    /**
     * A nonce for a proof made on the page at {@code origin}.
     *
     * @throws IllegalArgumentException unless {@code origin} is one of the RA's configured origins
     */
    public Challenge issueFor(String origin) {
        if (origin == null || !settings.raOrigins().contains(origin)) {
            throw new IllegalArgumentException("origin " + origin + " is not one of the RA's");
        }
        return issue(origin);
    }

    /**
     * The origin of the caller's nonce if he spent it within the last {@link #LIFETIME}: for a
     * step that follows a proof made with it. Spends nothing.
     */
    public Optional<String> recentlySpent(String nonce) {
        ResumeChallenge challenge = nonce == null ? null : em.find(ResumeChallenge.class, nonce);
        return challenge != null && challenge.spentBy(caller.getCallerPrincipal().getName(),
                clock.instant().minus(LIFETIME)) ? Optional.of(challenge.origin()) : Optional.empty();
    }

    private Challenge issue(String origin) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ResumeChallenge challenge = new ResumeChallenge(nonce, caller.getCallerPrincipal().getName(), origin,
                now, now.plus(LIFETIME));
        em.persist(challenge);
        return new Challenge(nonce, challenge.origin(), challenge.expiresAt());
    }

    /**
     * Spends the caller's nonce, committed at once; answers the origin it was issued for, or
     * empty when it is unknown, someone else's, expired or already spent.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> spend(String nonce) {
        ResumeChallenge challenge = nonce == null ? null
                : em.find(ResumeChallenge.class, nonce, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            return Optional.empty();
        }
        return challenge.spend(caller.getCallerPrincipal().getName(), clock.instant())
                ? Optional.of(challenge.origin()) : Optional.empty();
    }

    /** The web origin of the configured site address, e.g. {@code https://ra.fine.example:8443}. */
    String siteOrigin() {
        URI site = URI.create(settings.siteUrl());
        return site.getScheme() + "://" + site.getHost() + (site.getPort() == -1 ? "" : ":" + site.getPort());
    }
}
