package tw.fine.ra.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Notices for the next page the visitor sees, however many redirects lie between (a faces
 * message survives only one). The site template shows them once.
 */
@Named
@RequestScoped
public class OneTimeNotice {

    private static final String ATTRIBUTE = "fine.notice";

    private List<String> keys;

    /** Adds a message key for the next page shown in this session. */
    @SuppressWarnings("unchecked")
    public static void leave(HttpServletRequest request, String key) {
        HttpSession session = request.getSession();
        ArrayList<String> keys = (ArrayList<String>) session.getAttribute(ATTRIBUTE);
        keys = keys == null ? new ArrayList<>() : keys;
        keys.add(key);
        session.setAttribute(ATTRIBUTE, keys);
    }

    /** The message keys left for this page, in order; taking them removes them. */
    @SuppressWarnings("unchecked")
    public List<String> getKeys() {
        if (keys == null) {
            HttpSession session = Pages.request().getSession(false);
            Object left = session == null ? null : session.getAttribute(ATTRIBUTE);
            keys = left == null ? List.of() : List.copyOf((List<String>) left);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
        }
        return keys;
    }
}
