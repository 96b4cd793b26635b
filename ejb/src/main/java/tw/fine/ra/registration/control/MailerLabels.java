package tw.fine.ra.registration.control;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.chrono.Chronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The wording of a mailer in one language, from {@code tw/fine/ra/registration/mailer*.properties}.
 * A reset letter reads {@code reset.<key>} where the bundle has one, a card PIN letter
 * {@code pin.<key>}, a staff member's reset letter {@code staff.<key>}, and the common text elsewhere.
 */
final class MailerLabels {

    static final String BUNDLE = "tw.fine.ra.registration.mailer";

    private static final java.util.Map<PasswordMailer.Purpose, String> PREFIXES = java.util.Map.of(
            PasswordMailer.Purpose.OPENING, "", PasswordMailer.Purpose.RESET, "reset.",
            PasswordMailer.Purpose.CARD_PIN, "pin.", PasswordMailer.Purpose.STAFF_RESET, "staff.");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final PasswordMailer.Purpose purpose;

    private MailerLabels(Locale locale, PasswordMailer.Purpose purpose) {
        this.locale = locale;
        this.purpose = purpose;
        // no fallback to the server's default locale: the letter must not change with the host
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static MailerLabels chinese() {
        return chinese(PasswordMailer.Purpose.OPENING);
    }

    static MailerLabels english() {
        return english(PasswordMailer.Purpose.OPENING);
    }

    static MailerLabels chinese(PasswordMailer.Purpose purpose) {
        return new MailerLabels(Locale.TAIWAN, purpose);
    }

    static MailerLabels english(PasswordMailer.Purpose purpose) {
        return new MailerLabels(Locale.ENGLISH, purpose);
    }

    String get(String key, Object... args) {
        String prefix = PREFIXES.get(purpose);
        String worded = !prefix.isEmpty() && bundle.containsKey(prefix + key) ? prefix + key : key;
        return new MessageFormat(bundle.getString(worded), locale).format(args);
    }

    String date(ZonedDateTime time) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale)
                .withChronology(Chronology.of(bundle.getString("date.chronology")));
        return format.format(time);
    }
}
