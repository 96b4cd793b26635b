package tw.fine.ra.card.boundary;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.MALFORMED_WITNESS;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.UNKNOWN_CHALLENGE;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.RaKeys;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.card.control.CardLookup;
import tw.fine.ra.card.control.CardSecrets;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.AuthenticatedCard;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.entity.CardAuthentication;
import tw.fine.ra.card.entity.CardNotProvedException;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.protocol.keys.CardChallenge;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;

/**
 * The server's half of the relayed management-key authentication (ADR 0001, 卡片驗證): the agent
 * asks the card for its encrypted witness, {@link #begin} decrypts it with the card's derived key and
 * adds a challenge, the agent hands both to the card, and {@link #finish} checks the card's
 * encryption of the challenge. The state between the two is a database row, so another node of a
 * cluster may finish; it lives {@link #CHALLENGE_LIFETIME} and is spent by the first answer, right
 * or wrong. Wrong card and wrong answer are refused and audited.
 */
@Stateless
@RolesAllowed({"SUBSCRIBER", "CLERK"})
public class CardAuthentications {

    /** From the server's answer to the card's response: the agent relays it at once. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(60);
    /** How long a proof lets the server ticket administrative steps: the agent's session limit. */
    public static final Duration PROOF_VALIDITY = Duration.ofMinutes(2);
    /**
     * Administrative card commands one authentication buys, enforced by the applet (ADR 0007): the
     * most one flow runs in an agent session (two keys generated, or two certificates written).
     */
    public static final int ADMIN_COMMANDS = 2;
    /** The cards' management key algorithm (ADR 0001: AES-128). */
    private static final ManagementKeyAlgorithm ALGORITHM = ManagementKeyAlgorithm.AES_128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    RaKeys keys;

    @Inject
    CardLookup cards;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /**
     * Answers the card's witness (from the agent's {@code admin-authenticate}) for the signed-in
     * subscriber's own card, or, for a clerk, a card personalized at the counter and not yet handed
     * over. The proof then belongs to the caller who began it.
     */
    public AdminChallenge begin(String cardGuid, byte[] encryptedWitness, String clientAddress)
            throws CardRefusedException {
        String subscriber = caller.getCallerPrincipal().getName();
        Card card;
        try {
            card = caller.isCallerInRole("CLERK") ? cards.atCounter(cardGuid)
                    : cards.subscribersCard(cardGuid, subscriber);
            if (encryptedWitness == null || encryptedWitness.length != ALGORITHM.blockLength()) {
                throw new CardRefusedException(MALFORMED_WITNESS, "witness of "
                        + (encryptedWitness == null ? 0 : encryptedWitness.length) + " bytes");
            }
        } catch (CardRefusedException e) {
            audit.failure(actor(clientAddress), AuditEvent.CARD_AUTHENTICATION, subscriber, e.getMessage());
            throw e;
        }
        byte[] key = secrets().managementKey(card.getGuid());
        CardChallenge answer;
        try {
            answer = CardChallenge.answer(ALGORITHM, key, encryptedWitness, ADMIN_COMMANDS);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Instant now = clock.instant();
        em.createNamedQuery(CardAuthentication.PURGE).setParameter("before", now.minus(Duration.ofHours(1)))
                .executeUpdate();
        CardAuthentication state = new CardAuthentication(randomId(), card.getGuid(), subscriber, answer.challenge(),
                now, CHALLENGE_LIFETIME);
        em.persist(state);
        return new AdminChallenge(state.getId(), answer.witness(), answer.challenge(), state.getExpiresAt());
    }

    /**
     * Checks the card's response (from the agent's {@code admin-answer}). On success the card counts
     * as authenticated for {@link #PROOF_VALIDITY}.
     *
     * @throws CardNotProvedException if the response is not the registered card's; the challenge stays spent
     */
    public AuthenticatedCard finish(String challengeId, byte[] response, String clientAddress)
            throws CardRefusedException {
        String subscriber = caller.getCallerPrincipal().getName();
        Actor who = actor(clientAddress);
        Instant now = clock.instant();
        CardAuthentication state = challengeId == null ? null
                : em.find(CardAuthentication.class, challengeId, LockModeType.PESSIMISTIC_WRITE);
        byte[] challenge;
        try {
            if (state == null) {
                throw new CardRefusedException(UNKNOWN_CHALLENGE, "authentication " + challengeId);
            }
            challenge = state.spend(subscriber, now);
        } catch (CardRefusedException e) {
            audit.failure(who, AuditEvent.CARD_AUTHENTICATION, subscriber, e.getMessage());
            throw e;
        }
        byte[] key = secrets().managementKey(state.getCardGuid());
        boolean proved;
        try {
            proved = CardChallenge.cardProved(ALGORITHM, key, challenge, response);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (!proved) {
            // no rollback: the spent challenge is committed with this failure
            CardNotProvedException refused = new CardNotProvedException("card " + state.getCardGuid());
            audit.failure(who, AuditEvent.CARD_AUTHENTICATION, subscriber, refused.getMessage());
            throw refused;
        }
        state.proved(now);
        audit.success(who, AuditEvent.CARD_AUTHENTICATION, subscriber, "card " + state.getCardGuid());
        return new AuthenticatedCard(state.getCardGuid(), now, now.plus(PROOF_VALIDITY));
    }

    private CardSecrets secrets() {
        return new CardSecrets(keys.cardMasterKey(CardMasterKey.Purpose.MANAGEMENT_KEY),
                keys.cardMasterKey(CardMasterKey.Purpose.PUK));
    }

    private Actor actor(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), caller.isCallerInRole("CLERK") ? "CLERK" : "SUBSCRIBER",
                clientAddress);
    }

    private static String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
