package tw.fine.ra.card.boundary;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.SUBSCRIBER_HAS_ACTIVE_CARD;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.UNKNOWN_SUBSCRIBER;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.fine.ra.account.boundary.Accounts;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.card.control.CardLookup;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardStatus.Transition;
import tw.fine.ra.card.entity.CardView;

/**
 * The card registry: the RA counter registers a blank card for a subscriber (the server assigns its
 * GUID), records its personalization and hands it over; staff block, unblock and retire cards.
 * Every transition is audited, a refused one too.
 */
@Stateless
@RolesAllowed({"CLERK", "OFFICER"})
public class Cards {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Transition, AuditEvent> EVENTS = Map.of(
            Transition.PERSONALIZE, AuditEvent.CARD_PERSONALIZED,
            Transition.HAND_OVER, AuditEvent.CARD_HANDED_OVER,
            Transition.BLOCK, AuditEvent.CARD_BLOCKED,
            Transition.UNBLOCK, AuditEvent.CARD_UNBLOCKED,
            Transition.RETIRE, AuditEvent.CARD_RETIRED);

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    CardLookup cards;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /** A blank card for the subscriber, with a fresh random GUID to personalize it with. */
    @RolesAllowed("CLERK")
    public CardView registerBlank(String subscriberId, String clientAddress) throws CardRefusedException {
        Actor who = actor(clientAddress);
        try {
            // the account row lock serializes registrations for one subscriber
            if (accounts.lockSubscriberAccount(subscriberId).isEmpty()) {
                throw new CardRefusedException(UNKNOWN_SUBSCRIBER, "subscriber " + subscriberId);
            }
            refuseIfActiveCard(subscriberId);
        } catch (CardRefusedException e) {
            audit.failure(who, AuditEvent.CARD_REGISTERED, subscriberId, e.getMessage());
            throw e;
        }
        byte[] guid = new byte[16];
        RANDOM.nextBytes(guid);
        Card card = new Card(HexFormat.of().withUpperCase().formatHex(guid), subscriberId.strip(), clock.instant(),
                who.name());
        em.persist(card);
        audit.success(who, AuditEvent.CARD_REGISTERED, card.getSubscriberId(), "card " + card.getGuid());
        return card.view();
    }

    /** The agent personalized the card: GUID, PIN, PUK and management key are on it. */
    @RolesAllowed("CLERK")
    public CardView personalized(String guid, String appletVersion, String clientAddress) throws CardRefusedException {
        Actor who = actor(clientAddress);
        Card card = locked(guid, who, Transition.PERSONALIZE);
        try {
            refuseIfActiveCard(card.getSubscriberId());
            card.personalized(appletVersion, clock.instant(), who.name());
        } catch (CardRefusedException e) {
            audit.failure(who, AuditEvent.CARD_PERSONALIZED, card.getSubscriberId(), e.getMessage());
            throw e;
        }
        audit.success(who, AuditEvent.CARD_PERSONALIZED, card.getSubscriberId(),
                "card " + card.getGuid() + ", applet " + appletVersion);
        return card.view();
    }

    @RolesAllowed("CLERK")
    public CardView handOver(String guid, String clientAddress) throws CardRefusedException {
        return move(guid, Transition.HAND_OVER, clientAddress);
    }

    public CardView block(String guid, String clientAddress) throws CardRefusedException {
        return move(guid, Transition.BLOCK, clientAddress);
    }

    public CardView unblock(String guid, String clientAddress) throws CardRefusedException {
        return move(guid, Transition.UNBLOCK, clientAddress);
    }

    public CardView retire(String guid, String clientAddress) throws CardRefusedException {
        return move(guid, Transition.RETIRE, clientAddress);
    }

    public Optional<CardView> find(String guid) {
        return Optional.ofNullable(Card.normalizedGuid(guid)).map(g -> em.find(Card.class, g)).map(Card::view);
    }

    public List<CardView> ofSubscriber(String subscriberId) {
        return em.createNamedQuery(Card.OF_SUBSCRIBER, Card.class).setParameter("subscriber", subscriberId)
                .getResultStream().map(Card::view).toList();
    }

    /** The signed-in subscriber's active card, if any. */
    @RolesAllowed("SUBSCRIBER")
    public Optional<CardView> myCard() {
        return em.createNamedQuery(Card.ACTIVE_OF_SUBSCRIBER, Card.class)
                .setParameter("subscriber", caller.getCallerPrincipal().getName())
                .getResultStream().findFirst().map(Card::view);
    }

    private CardView move(String guid, Transition transition, String clientAddress) throws CardRefusedException {
        Actor who = actor(clientAddress);
        Card card = locked(guid, who, transition);
        try {
            card.move(transition, clock.instant());
        } catch (CardRefusedException e) {
            audit.failure(who, EVENTS.get(transition), card.getSubscriberId(), e.getMessage());
            throw e;
        }
        audit.success(who, EVENTS.get(transition), card.getSubscriberId(), "card " + card.getGuid() + " "
                + card.getStatus());
        return card.view();
    }

    private Card locked(String guid, Actor who, Transition transition) throws CardRefusedException {
        try {
            return cards.card(guid, LockModeType.PESSIMISTIC_WRITE);
        } catch (CardRefusedException e) {
            audit.failure(who, EVENTS.get(transition), "-", e.getMessage());
            throw e;
        }
    }

    private void refuseIfActiveCard(String subscriberId) throws CardRefusedException {
        Optional<Card> active = em.createNamedQuery(Card.ACTIVE_OF_SUBSCRIBER, Card.class)
                .setParameter("subscriber", subscriberId.strip()).getResultStream().findFirst();
        if (active.isPresent()) {
            throw new CardRefusedException(SUBSCRIBER_HAS_ACTIVE_CARD,
                    "subscriber " + subscriberId + " holds card " + active.get().getGuid());
        }
    }

    private Actor actor(String clientAddress) {
        String role = caller.isCallerInRole("CLERK") ? "CLERK" : caller.isCallerInRole("OFFICER") ? "OFFICER"
                : "SUBSCRIBER";
        return new Actor(caller.getCallerPrincipal().getName(), role, clientAddress);
    }
}
