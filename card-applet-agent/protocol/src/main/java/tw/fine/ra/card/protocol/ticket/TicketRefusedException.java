package tw.fine.ra.card.protocol.ticket;

/** A ticket failed verification; {@link #refusal()} says which rule it broke. */
public final class TicketRefusedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    public TicketRefusedException(Refusal refusal, String detail) {
        super(refusal + ": " + detail);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
