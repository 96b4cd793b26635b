package tw.fine.ra.card.entity;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a card is in its life, and the only place that decides how it moves on. A card is
 * registered blank for a subscriber, personalized at the RA counter, handed over, and may be
 * blocked (lost, stolen) and unblocked, or retired for good. From personalization until it is
 * retired the card holds its subscriber's one place ({@link #isActive()}).
 */
public enum CardStatus {
    BLANK,
    PERSONALIZED,
    ISSUED_TO_SUBSCRIBER,
    BLOCKED,
    RETIRED;

    /** The steps of a card's life. */
    public enum Transition {
        /** GUID, PIN, PUK and management key are on the card. */
        PERSONALIZE(PERSONALIZED, BLANK),
        /** The subscriber took the card (and its PIN mailer) at the counter. */
        HAND_OVER(ISSUED_TO_SUBSCRIBER, PERSONALIZED),
        /** No more tickets for this card until it is unblocked. */
        BLOCK(BLOCKED, PERSONALIZED, ISSUED_TO_SUBSCRIBER),
        UNBLOCK(ISSUED_TO_SUBSCRIBER, BLOCKED),
        /** For good, e.g. replaced, broken, or a blank whose personalization was abandoned. */
        RETIRE(RETIRED, BLANK, PERSONALIZED, ISSUED_TO_SUBSCRIBER, BLOCKED);

        private final CardStatus to;
        private final Set<CardStatus> from;

        Transition(CardStatus to, CardStatus first, CardStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CardStatus to() {
            return to;
        }

        public boolean startsFrom(CardStatus status) {
            return from.contains(status);
        }
    }

    public boolean canMoveTo(CardStatus next) {
        return Stream.of(Transition.values()).anyMatch(t -> t.to == next && t.startsFrom(this));
    }

    /** The subscriber's one card: personalized and not yet retired (the database enforces one). */
    public boolean isActive() {
        return this == PERSONALIZED || this == ISSUED_TO_SUBSCRIBER || this == BLOCKED;
    }

    /** Subscribers get tickets for their card only in this state. */
    public boolean isInSubscribersHands() {
        return this == ISSUED_TO_SUBSCRIBER;
    }
}
