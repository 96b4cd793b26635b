package tw.fine.ra.card.entity;

import jakarta.ejb.ApplicationException;

/**
 * A card request the RA refuses. The reason names a message in the web bundles
 * ({@code card.refused.<REASON>}), so pages can say what went wrong; nothing of the request is kept.
 */
@ApplicationException(rollback = true)
public class CardRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No card with this GUID is registered. */
        UNKNOWN_CARD,
        /** The card is registered to another subscriber. */
        NOT_YOUR_CARD,
        /** The card is not in a state that allows this (blank, blocked, retired...). */
        CARD_NOT_ACTIVE,
        UNKNOWN_SUBSCRIBER,
        /** The subscriber already holds a personalized card; retire it first. */
        SUBSCRIBER_HAS_ACTIVE_CARD,
        /** The card's status does not allow this step. */
        ILLEGAL_TRANSITION,
        /** The page's origin is not one of the RA's configured origins. */
        ORIGIN_NOT_ALLOWED,
        /** No ticket for this operation here (unknown, or not for this kind of user). */
        OPERATION_NOT_ALLOWED,
        /** The operation needs a card authenticated by the server a moment ago. */
        CARD_NOT_AUTHENTICATED,
        /** The ticket parameters cannot be hashed (line breaks, '=' in a name). */
        BAD_PARAMETERS,
        /** The card's witness is not one encrypted block. */
        MALFORMED_WITNESS,
        /** No such authentication, or another subscriber's. */
        UNKNOWN_CHALLENGE,
        CHALLENGE_EXPIRED,
        CHALLENGE_ALREADY_USED,
        /** The card's answer does not prove the registered card's key. */
        CARD_NOT_PROVED,
        /** A key the card reported (transport or attestation key) is not an EC P-256 public key. */
        BAD_CARD_KEY,
        /** The personalized card reports another GUID than the one it was sealed for. */
        PERSONALIZATION_MISMATCH,
        /** The certificate is not this card's attestation certificate from the RA. */
        NOT_THE_CARDS_CERTIFICATE
    }

    private final Reason reason;

    public CardRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle key of the message pages show. */
    public String messageKey() {
        return "card.refused." + reason.name();
    }
}
