package tw.fine.ra.card.entity;

import jakarta.ejb.ApplicationException;

/**
 * The card's answer did not prove the registered card's management key (another card in the
 * reader, or a forged answer). Unlike the other refusals it does not roll back: the challenge it
 * answered stays spent, so nobody gets a second guess at it.
 */
@ApplicationException(rollback = false)
public class CardNotProvedException extends CardRefusedException {

    private static final long serialVersionUID = 1L;

    public CardNotProvedException(String detail) {
        super(Reason.CARD_NOT_PROVED, detail);
    }
}
