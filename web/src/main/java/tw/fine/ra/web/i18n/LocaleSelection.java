package tw.fine.ra.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language of the pages: the visitor's choice, else the first supported language the browser
 * asks for, else Traditional Chinese (the users' language).
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    public static final List<Locale> SUPPORTED = List.of(Locale.TAIWAN, Locale.ENGLISH);

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest();
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

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    public void choose(String languageTag) {
        Locale wanted = Locale.forLanguageTag(languageTag);
        chosen = SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                .findFirst().orElse(Locale.TAIWAN);
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
    }
}
