package tw.fine.ra.card.protocol.ticket;

import java.util.Locale;

/** Card operations that need a ticket: each changes the card or uses a key on it. */
public enum Operation {
    GENERATE_KEY,
    SIGN_CHALLENGE,
    SIGN_REQUEST,
    WRITE_CERTIFICATE,
    CHANGE_PIN,
    ADMIN_AUTHENTICATE,
    RESET_PIN,
    PERSONALIZE;

    /** Wire name in the ticket's "op" claim and in URLs: "generate-key". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Operation fromWireName(String name) {
        for (Operation operation : values()) {
            if (operation.wireName().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation " + name);
    }
}
