package tw.fine.ra.registration.entity;

import jakarta.ejb.ApplicationException;

/** A unified business number that is not eight digits or fails the checksum. */
@ApplicationException(rollback = true)
public class InvalidBusinessNumberException extends RuntimeException {

    public enum Reason { FORMAT, CHECKSUM }

    private final Reason reason;

    public InvalidBusinessNumberException(Reason reason) {
        super("Invalid unified business number: " + reason);
        this.reason = reason;
    }

    /** The bundle key the page shows at the field. */
    public String messageKey() {
        return "registration.ubn." + reason.name().toLowerCase();
    }

    public Reason reason() {
        return reason;
    }
}
