package tw.fine.ra.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.web.security.Area;
import tw.fine.ra.web.support.Pages;

/**
 * Sign-out (登出): ends the authentication and the session, records it in the audit trail and
 * goes back to the area's sign-in page, which then says that the visitor has signed out.
 */
@Named
@RequestScoped
public class SignOut {

    /** The query parameter that makes a sign-in page say "you have signed out". */
    public static final String SIGNED_OUT = "signedOut";

    /**
     * Who signed in on this session. Kept by us because the sign-in pages are public, and there
     * the container shows no principal although the session holds one.
     */
    record Account(String login, Role role) implements Serializable {
        private static final String ATTRIBUTE = "fine.signedIn";
    }

    @Inject
    SignIn signIn;

    public void run() throws ServletException {
        HttpServletRequest request = Pages.request();
        Area area = end(request, "sign-out").orElse(Area.of(request));
        close(request);
        Pages.redirect(area.signInPage() + "?" + SIGNED_OUT + "=true");
    }

    /** Remembers who has just signed in on this request. */
    static void signedIn(HttpServletRequest request) {
        Area.signedInRole(request).ifPresent(role -> request.getSession().setAttribute(Account.ATTRIBUTE,
                new Account(request.getUserPrincipal().getName(), role)));
    }

    /**
     * Ends the account signed in on this session, if any, with its session, and records why.
     *
     * @return the area that was signed out, empty when nobody was signed in (nothing changed)
     */
    Optional<Area> end(HttpServletRequest request, String why) throws ServletException {
        HttpSession session = request.getSession(false);
        Optional<Account> account = Optional.ofNullable(session == null ? null
                : (Account) session.getAttribute(Account.ATTRIBUTE));
        if (account.isPresent()) {
            signIn.signedOut(account.get().login(), account.get().role(), request.getRemoteAddr(), why);
            close(request);
        }
        return account.map(a -> Area.of(a.role().area()));
    }

    private static void close(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
