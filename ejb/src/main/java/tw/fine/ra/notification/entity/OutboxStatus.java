package tw.fine.ra.notification.entity;

/** A message waits until delivered; nothing moves back. */
public enum OutboxStatus {
    PENDING,
    SENT;

    public boolean canMoveTo(OutboxStatus next) {
        return this == PENDING && next == SENT;
    }
}
