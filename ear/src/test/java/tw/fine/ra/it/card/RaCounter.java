package tw.fine.ra.it.card;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.it.support.AliceClerk;

/**
 * What the RA counter does before a subscriber can use a card, through the registry boundary as
 * clerk alice; each step in its own transaction, as the pages would call them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RaCounter {

    static final String CLIENT = "192.0.2.10";

    public record IssuedCard(String guid, PivCard card) {
    }

    @Inject
    AliceClerk clerk;

    @Inject
    Cards cards;

    @Inject
    CardFixtures fixtures;

    /** Retires the subscriber's card in use, registers, personalizes and hands over a new one. */
    public IssuedCard issueCardTo(String subscriberId) throws Exception {
        fixtures.subscriber(subscriberId);
        String guid = clerk.call(() -> {
            for (CardView old : cards.ofSubscriber(subscriberId)) {
                if (old.status().isActive()) {
                    cards.retire(old.guid(), CLIENT);
                }
            }
            return cards.registerBlank(subscriberId, CLIENT).guid();
        });
        PivCard card = fixtures.personalizedCard(guid);
        clerk.call(() -> cards.personalized(guid, "1.0.0", CLIENT));
        clerk.call(() -> cards.handOver(guid, CLIENT));
        return new IssuedCard(guid, card);
    }
}
