package tw.fine.ra.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSF page as a scripted client reads it: a postback must carry the server-side view state and
 * PrimeFaces' CSP nonce; with the test hook on, the sign-in form also shows its CAPTCHA answer.
 */
public record JsfPage(String html) {

    public static final String VIEW_STATE = "jakarta.faces.ViewState";
    public static final String NONCE = "primefaces.nonce";

    private static final Pattern VIEW_STATE_VALUE =
            Pattern.compile("name=\"" + Pattern.quote(VIEW_STATE) + "\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE_VALUE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    public String viewState() {
        return first(VIEW_STATE_VALUE, VIEW_STATE);
    }

    public String nonce() {
        return first(NONCE_VALUE, NONCE);
    }

    /** The text of the element with this id, e.g. {@code signin:captcha-test-answer}. */
    public String textOf(String id) {
        return first(Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]+)<"), id).strip();
    }

    private String first(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " in the page:\n" + html);
        }
        return matcher.group(1);
    }
}
