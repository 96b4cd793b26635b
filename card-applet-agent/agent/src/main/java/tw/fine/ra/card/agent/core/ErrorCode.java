package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.protocol.ticket.Refusal;

/** Every refusal and failure the agent reports, with the HTTP status a transport uses for it. */
public enum ErrorCode {
    BAD_REQUEST(400),
    NOT_FOUND(404),
    HOST_NOT_ALLOWED(421),
    ORIGIN_NOT_ALLOWED(403),
    ORIGIN_MISSING(403),
    OPERATION_DISABLED(403),
    TICKET_MISSING(401),
    TICKET_MALFORMED(401),
    TICKET_WRONG_ALGORITHM(401),
    TICKET_BAD_SIGNATURE(401),
    TICKET_EXPIRED(401),
    TICKET_NOT_YET_VALID(401),
    TICKET_LIFETIME_TOO_LONG(401),
    TICKET_REPLAYED(401),
    TICKET_ISSUED_BEFORE_START(401),
    TICKET_WRONG_ORIGIN(403),
    TICKET_WRONG_CARD(403),
    TICKET_WRONG_OPERATION(403),
    TICKET_WRONG_PARAMETERS(403),
    PCSC_UNAVAILABLE(503),
    READER_NOT_FOUND(404),
    CARD_ABSENT(409),
    CARD_REMOVED(409),
    CARD_BUSY(409),
    CARD_NOT_PERSONALIZED(409),
    CARD_ALREADY_PERSONALIZED(409),
    ENVELOPE_REFUSED(403),
    KEY_NOT_FOUND(409),
    CARD_TIMEOUT(504),
    CARD_ERROR(502),
    PIN_INCORRECT(403),
    PIN_BLOCKED(403),
    PIN_CANCELLED(409),
    PIN_MISMATCH(400),
    ADMIN_SESSION_MISSING(409),
    ADMIN_AUTHENTICATION_FAILED(403);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ErrorCode of(Refusal refusal) {
        return valueOf(refusal.name());
    }
}
