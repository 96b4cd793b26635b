package tw.fine.ra.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A business rule refused the request. Carries the input field it concerns (or null for the whole
 * form) and the bundle key of the message, so pages show it at the field; rolls back everything.
 */
@ApplicationException(rollback = true)
public class Refused extends Exception {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public Refused(String field, String messageKey, Object... args) {
        super(messageKey + (field == null ? "" : " at " + field));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return Arrays.copyOf(args, args.length); }
}
