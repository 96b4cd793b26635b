package tw.fine.ra.registration.entity;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the registration form that an entity enforces itself (the contact's e-mail address,
 * how many subscribers one form may add); the boundary shows it at the form's field.
 */
@ApplicationException(rollback = true)
public class FormRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FormRuleException(String field, String messageKey) {
        super(messageKey + " at " + field);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
