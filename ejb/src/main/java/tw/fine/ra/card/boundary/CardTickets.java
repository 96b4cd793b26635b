package tw.fine.ra.card.boundary;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.BAD_PARAMETERS;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.CARD_NOT_ACTIVE;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.CARD_NOT_AUTHENTICATED;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.OPERATION_NOT_ALLOWED;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.ORIGIN_NOT_ALLOWED;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.RaKeys;
import tw.fine.ra.card.control.CardLookup;
import tw.fine.ra.card.control.TicketRules;
import tw.fine.ra.card.control.Tickets;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.entity.CardAuthentication;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardStatus;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.platform.Settings;

/**
 * Command tickets for the local agent (ADR 0001): for the signed-in subscriber's own card in their
 * hands, one operation, one of the RA's configured origins, the hash of the exact parameters, a
 * fresh nonce and five minutes at most ({@code FINE_CARD_TICKET_SECONDS}). Administrative steps (key generation, certificate writing,
 * PIN reset) only within {@link CardAuthentications#PROOF_VALIDITY} of the card proving its
 * management key to the server. Refusals are audited.
 */
@Stateless
public class CardTickets {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    RaKeys keys;

    @Inject
    CardLookup cards;

    @Inject
    Settings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /**
     * @param operation the ticket's {@code op} wire name, e.g. {@code generate-key}
     * @param origin the page's origin; must be one of {@code FINE_RA_ORIGINS}
     * @param parameters the request parameters the agent will hash and compare
     */
    @RolesAllowed("SUBSCRIBER")
    public IssuedTicket issue(String cardGuid, String operation, String origin, Map<String, String> parameters,
            String clientAddress) throws CardRefusedException {
        String subscriber = caller.getCallerPrincipal().getName();
        return ticket("SUBSCRIBER", TicketRules.forSubscriber(operation), operation,
                () -> cards.subscribersCard(cardGuid, subscriber), origin, parameters, subscriber, clientAddress);
    }

    /** The RA counter's ticket to personalize a blank card with the GUID the server assigned it. */
    @RolesAllowed("CLERK")
    public IssuedTicket forPersonalization(String cardGuid, String origin, Map<String, String> parameters,
            String clientAddress) throws CardRefusedException {
        Actor who = new Actor(caller.getCallerPrincipal().getName(), "CLERK", clientAddress);
        try {
            Card card = cards.card(cardGuid, LockModeType.NONE);
            if (card.getStatus() != CardStatus.BLANK) {
                throw new CardRefusedException(CARD_NOT_ACTIVE, "card " + card.getGuid() + " " + card.getStatus());
            }
            return sign(Operation.PERSONALIZE, origin, card, parameters);
        } catch (CardRefusedException e) {
            audit.failure(who, AuditEvent.CARD_TICKET_REFUSED, cardGuid, "personalize: " + e.getMessage());
            throw e;
        }
    }

    /**
     * The RA counter's tickets on a card it personalized and has not handed over yet: the relayed
     * management-key authentication, then writing the card's attestation certificate (slot F9) after
     * the card proved its key to this clerk.
     */
    @RolesAllowed("CLERK")
    public IssuedTicket forCounter(String cardGuid, String operation, String origin, Map<String, String> parameters,
            String clientAddress) throws CardRefusedException {
        return ticket("CLERK", TicketRules.forCounter(operation, parameters), operation,
                () -> cards.atCounter(cardGuid), origin, parameters, cardGuid, clientAddress);
    }

    /** The public ticket key (PEM) that agents pin; served at {@code /pki/ticket-key.pem}. */
    @PermitAll
    public String publicKeyPem() {
        return Tickets.publicKeyPem(keys.ticketKey());
    }

    /** Where a ticket's card comes from: the caller's rule for which cards it may ticket. */
    private interface CardFinder {
        Card find() throws CardRefusedException;
    }

    /** An allowed operation on a card the caller may ticket; administrative steps after a fresh proof to the caller. */
    private IssuedTicket ticket(String role, java.util.Optional<Operation> allowed, String operation, CardFinder finder,
            String origin, Map<String, String> parameters, String auditSubject, String clientAddress)
            throws CardRefusedException {
        String principal = caller.getCallerPrincipal().getName();
        try {
            Operation op = allowed
                    .orElseThrow(() -> new CardRefusedException(OPERATION_NOT_ALLOWED, "operation " + operation));
            Card card = finder.find();
            if (TicketRules.needsAuthenticatedCard(op) && !recentlyProved(card, principal)) {
                throw new CardRefusedException(CARD_NOT_AUTHENTICATED, op.wireName() + " on card " + card.getGuid());
            }
            return sign(op, origin, card, parameters);
        } catch (CardRefusedException e) {
            audit.failure(new Actor(principal, role, clientAddress), AuditEvent.CARD_TICKET_REFUSED, auditSubject,
                    operation + ": " + e.getMessage());
            throw e;
        }
    }

    private IssuedTicket sign(Operation op, String origin, Card card, Map<String, String> parameters)
            throws CardRefusedException {
        if (origin == null || !settings.raOrigins().contains(origin)) {
            throw new CardRefusedException(ORIGIN_NOT_ALLOWED, "origin " + origin);
        }
        if (parameters == null) {
            throw new CardRefusedException(BAD_PARAMETERS, "no parameters");
        }
        try {
            return Tickets.issue(keys.ticketKey(), op, origin, card.getGuid(), parameters, clock.instant(),
                    settings.cardTicketLifetime());
        } catch (IllegalArgumentException e) {
            throw new CardRefusedException(BAD_PARAMETERS, e.getMessage());
        }
    }

    /** The card proved its key to this caller (subscriber, or the clerk at the counter) a moment ago. */
    private boolean recentlyProved(Card card, String principal) {
        Instant since = clock.instant().minus(CardAuthentications.PROOF_VALIDITY);
        return em.createNamedQuery(CardAuthentication.RECENT_PROOF, Long.class).setParameter("card", card.getGuid())
                .setParameter("subscriber", principal).setParameter("since", since).getSingleResult() > 0;
    }
}
