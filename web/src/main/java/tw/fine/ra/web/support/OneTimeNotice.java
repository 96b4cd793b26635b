package tw.fine.ra.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A notice for the next page the visitor sees, however many redirects lie between (a faces
 * message survives only one). The site template shows it once.
 */
@Named
@RequestScoped
public class OneTimeNotice {

    private static final String ATTRIBUTE = "fine.notice";

    private String key;
    private boolean taken;

    /** Leaves the message key for the next page shown in this session. */
    public static void leave(HttpServletRequest request, String key) {
        request.getSession().setAttribute(ATTRIBUTE, key);
    }

    /** The message key left for this page, or null; taking it removes it. */
    public String getKey() {
        if (!taken) {
            taken = true;
            HttpSession session = Pages.request().getSession(false);
            if (session != null) {
                key = (String) session.getAttribute(ATTRIBUTE);
                session.removeAttribute(ATTRIBUTE);
            }
        }
        return key;
    }
}
