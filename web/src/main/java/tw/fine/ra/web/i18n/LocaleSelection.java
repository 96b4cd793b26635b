package tw.fine.ra.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the pages: the visitor's choice (kept in a cookie, so it outlives sign-out and
 * the session), else the first supported language the browser asks for, else Traditional Chinese
 * (the users' language), also for a browser that asks for neither Chinese nor English.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    public static final List<Locale> SUPPORTED = List.of(Locale.TAIWAN, Locale.ENGLISH);

    /** The cookie that remembers the chosen language (a language tag, not personal data). */
    public static final String COOKIE = "fine-lang";

    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        return of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** The language of a request outside JSF (the JSON API): the remembered choice, else the browser's. */
    public static Locale of(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue());
                }
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.TAIWAN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            if (match != null) {
                return match;
            }
            // "zh" or "zh-Hant" alone still means our Traditional Chinese
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getRange().startsWith("zh")) {
                    return Locale.TAIWAN;
                }
                if (range.getRange().startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not an error for the visitor: fall through to the default
        }
        return Locale.TAIWAN;
    }

    /** The supported locale of a language tag; Traditional Chinese for anything else. */
    static Locale supported(String languageTag) {
        Locale wanted = Locale.forLanguageTag(languageTag == null ? "" : languageTag);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                .findFirst().orElse(Locale.TAIWAN);
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    public void choose(String languageTag) {
        chosen = supported(languageTag);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(chosen);
        faces.getExternalContext().addResponseCookie(COOKIE, chosen.toLanguageTag(), Map.of(
                "maxAge", ONE_YEAR, "path", faces.getExternalContext().getRequestContextPath() + "/",
                "secure", true, "httpOnly", true));
    }
}
