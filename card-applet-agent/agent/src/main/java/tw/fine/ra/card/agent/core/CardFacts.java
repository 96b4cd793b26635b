package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.PivCard;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.CardWork;

import javax.smartcardio.CardException;
import java.util.HexFormat;
import java.util.Map;

/** Small readings and translations shared by the operations. */
final class CardFacts {

    private CardFacts() {
    }

    /** The GUID from the card's CHUID, upper-case hex: the identity tickets are bound to. */
    static String guid(PivCard card) throws CardException, CardStatusException, AgentException {
        byte[] guid = card.guid().orElseThrow(() -> new AgentException(ErrorCode.CARD_NOT_PERSONALIZED, "no CHUID"));
        return HexFormat.of().withUpperCase().formatHex(guid);
    }

    /**
     * The second card transaction of an operation (after the holder typed a PIN): the same card
     * must still be there, else the operation ends as CARD_REMOVED.
     */
    static <T> T continueOnSameCard(CardAccess cards, String reader, String expectedGuid, CardWork<T> work)
            throws AgentException {
        try {
            return cards.withCard(reader, card -> {
                if (!guid(card).equals(expectedGuid)) {
                    throw new AgentException(ErrorCode.CARD_REMOVED, "another card is in the reader now");
                }
                return work.run(card);
            });
        } catch (AgentException e) {
            if (e.code() == ErrorCode.CARD_ABSENT) {
                throw new AgentException(ErrorCode.CARD_REMOVED, "card removed during the operation", Map.of(), e);
            }
            throw e;
        }
    }

    /** VERIFY / CHANGE answers: 63Cx and 6983 are the holder's business, the rest the card's. */
    static AgentException pinError(CardStatusException e) {
        int tries = e.triesLeft();
        if (tries == 0) {
            return new AgentException(ErrorCode.PIN_BLOCKED, e.getMessage(), Map.of("triesLeft", 0), e);
        }
        if (tries > 0) {
            return new AgentException(ErrorCode.PIN_INCORRECT, e.getMessage(), Map.of("triesLeft", tries), e);
        }
        return new AgentException(ErrorCode.CARD_ERROR, e.getMessage(),
                Map.of("statusWord", String.format("%04X", e.statusWord())), e);
    }
}
