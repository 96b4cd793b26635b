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
        Pages.redirect(area.signInPage() + "?" + SIGNED_OUT + "=true");
    }

    /** Remembers who has just signed in on this request. */
    static void signedIn(HttpServletRequest request) {
        Area.signedInRole(request).ifPresent(role -> request.getSession().setAttribute(Account.ATTRIBUTE,
                new Account(request.getUserPrincipal().getName(), role)));
    }

    /**
     * Ends whoever is signed in on this session, if anyone, and records why.
     *
     * @return the area that was signed out
     */
    Optional<Area> end(HttpServletRequest request, String why) throws ServletException {
        HttpSession session = request.getSession(false);
        Optional<Account> account = Optional.ofNullable(session == null ? null
                : (Account) session.getAttribute(Account.ATTRIBUTE));
        account.ifPresent(a -> signIn.signedOut(a.login(), a.role(), request.getRemoteAddr(), why));
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        return account.map(a -> Area.of(a.role().area()));
    }
}
