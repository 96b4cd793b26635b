package tw.fine.ra.card.agent.card;

import tw.fine.ra.card.protocol.piv.PivCard;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;

/**
 * A card connection held open (and exclusive) across several requests: the card keeps its
 * management-key authentication only as long as it is neither reset nor deselected.
 */
public final class CardSession {

    final CardTerminal terminal;
    final Card card;
    final PivCard piv;

    CardSession(CardTerminal terminal, Card card) {
        this.terminal = terminal;
        this.card = card;
        this.piv = new PivCard(card.getBasicChannel());
    }

    public String readerName() {
        return terminal.getName();
    }
}
