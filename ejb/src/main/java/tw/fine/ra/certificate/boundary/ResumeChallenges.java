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
 * The single-use nonces the card signs to prove possession when a pair is resumed. A nonce is
 * bound to the signed-in subscriber and to the site's configured origin (never to an origin a
 * request names), and spent in its own transaction, so a failed attempt spends it too.
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
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ResumeChallenge challenge = new ResumeChallenge(nonce, caller.getCallerPrincipal().getName(), siteOrigin(),
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
