package tw.fine.ra.approval.entity;

/** A request waits for a decision, which is final. */
public enum RequestStatus {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean canMoveTo(RequestStatus next) {
        return this == PENDING && next != PENDING;
    }
}
