package tw.fine.ra.card.control;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.CARD_NOT_ACTIVE;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.NOT_YOUR_CARD;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.UNKNOWN_CARD;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardStatus;

/**
 * Finds a registered card by its GUID, refusing unknown ones, for subscribers anyone else's, and for
 * the RA counter any card not waiting there to be handed over.
 */
@Dependent
public class CardLookup {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    public Card card(String guid, LockModeType lock) throws CardRefusedException {
        String g = Card.normalizedGuid(guid);
        Card card = g == null ? null : em.find(Card.class, g, lock);
        if (card == null) {
            throw new CardRefusedException(UNKNOWN_CARD, "card " + guid);
        }
        return card;
    }

    /** A card at the RA counter: personalized and not yet handed over to its subscriber. */
    public Card atCounter(String guid) throws CardRefusedException {
        Card card = card(guid, LockModeType.NONE);
        if (card.getStatus() != CardStatus.PERSONALIZED) {
            throw new CardRefusedException(CARD_NOT_ACTIVE, "card " + card.getGuid() + " " + card.getStatus());
        }
        return card;
    }

    /** The subscriber's own card, in their hands (issued to them and not blocked or retired). */
    public Card subscribersCard(String guid, String subscriber) throws CardRefusedException {
        Card card = card(guid, LockModeType.NONE);
        if (!card.belongsTo(subscriber)) {
            throw new CardRefusedException(NOT_YOUR_CARD, "card " + card.getGuid());
        }
        if (!card.getStatus().isInSubscribersHands()) {
            throw new CardRefusedException(CARD_NOT_ACTIVE, "card " + card.getGuid() + " " + card.getStatus());
        }
        return card;
    }
}
