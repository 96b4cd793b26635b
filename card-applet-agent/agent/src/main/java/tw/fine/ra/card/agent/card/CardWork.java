package tw.fine.ra.card.agent.card;

import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.PivCard;

import javax.smartcardio.CardException;

/** A piece of card I/O run inside one exclusive transaction on the card thread. */
@FunctionalInterface
public interface CardWork<T> {
    T run(PivCard card) throws CardException, CardStatusException, AgentException;
}
