package tw.fine.ra.card.agent.core;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-visible text: Traditional Chinese by default (the base bundle), English on request. */
public final class Messages {

    public static final Locale DEFAULT = Locale.TRADITIONAL_CHINESE;
    private static final String BUNDLE = "tw.fine.ra.card.agent.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** English if the Accept-Language header prefers it, otherwise Traditional Chinese. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, List.of(Locale.ENGLISH, DEFAULT, Locale.TAIWAN));
            return best != null && best.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }
}
