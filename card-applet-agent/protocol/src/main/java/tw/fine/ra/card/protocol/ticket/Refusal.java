package tw.fine.ra.card.protocol.ticket;

/** Why a ticket was refused; the code is what the agent answers and the page shows. */
public enum Refusal {
    TICKET_MISSING,
    TICKET_MALFORMED,
    TICKET_WRONG_ALGORITHM,
    TICKET_BAD_SIGNATURE,
    TICKET_EXPIRED,
    TICKET_NOT_YET_VALID,
    TICKET_LIFETIME_TOO_LONG,
    TICKET_REPLAYED,
    /** Issued before the agent started: an earlier run may have spent it (its nonces are gone). */
    TICKET_ISSUED_BEFORE_START,
    TICKET_WRONG_ORIGIN,
    TICKET_WRONG_CARD,
    TICKET_WRONG_OPERATION,
    TICKET_WRONG_PARAMETERS
}
