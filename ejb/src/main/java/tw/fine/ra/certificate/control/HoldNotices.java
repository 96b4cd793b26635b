package tw.fine.ra.certificate.control;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import tw.fine.ra.platform.ClockProducer;

/** The text of the mail that tells the organization's contact a pair was suspended or resumed. */
public final class HoldNotices {

    /** Which notice. */
    public enum Kind {
        SUSPENDED("suspended"),
        RESUMED("resumed");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** Who gets it; the contact of the subscriber's organization. */
    public record To(String contactName, String organization, String ubn) {
    }

    /** A mail ready for the outbox. */
    public record Notice(String subject, String body) {
    }

    private static final ResourceBundle NOTICES = ResourceBundle.getBundle("tw.fine.ra.certificate.notices", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ClockProducer.TAIPEI);

    /** @param certificates one line each, e.g. "#12 signing, serial 3f…" */
    public Notice notice(Kind kind, To to, String subscriberId, Instant at, List<String> certificates) {
        Object[] args = {to.contactName(), to.organization(), to.ubn(), subscriberId, WHEN.format(at),
            String.join("\n", certificates)};
        return new Notice(format(kind.key + ".subject", args), format(kind.key + ".body", args));
    }

    private static String format(String key, Object[] args) {
        return new MessageFormat(NOTICES.getString(key), Locale.ROOT).format(args);
    }
}
