package tw.fine.ra.registration.control;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.chrono.Chronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The wording of a mailer in one language, from {@code tw/fine/ra/registration/mailer*.properties}. */
final class MailerLabels {

    static final String BUNDLE = "tw.fine.ra.registration.mailer";

    private final ResourceBundle bundle;
    private final Locale locale;

    private MailerLabels(Locale locale) {
        this.locale = locale;
        // no fallback to the server's default locale: the letter must not change with the host
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static MailerLabels chinese() {
        return new MailerLabels(Locale.TAIWAN);
    }

    static MailerLabels english() {
        return new MailerLabels(Locale.ENGLISH);
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    String date(ZonedDateTime time) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale)
                .withChronology(Chronology.of(bundle.getString("date.chronology")));
        return format.format(time);
    }
}
