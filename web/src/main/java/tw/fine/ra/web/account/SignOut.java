package tw.fine.ra.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
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
     * Who signed in on this session, when, and with which session epoch of the account. Kept by us
     * because the sign-in pages are public, and there the container shows no principal although
     * the session holds one.
     */
    record Account(String login, Role role, int epoch, Instant signedInAt, String clientAddress) implements Serializable {
        private static final String ATTRIBUTE = "fine.signedIn";

        static Optional<Account> of(HttpSession session) {
            return Optional.ofNullable(session == null ? null : (Account) session.getAttribute(ATTRIBUTE));
        }
    }

    @Inject
    SignIn signIn;

    public void run() throws ServletException {
        HttpServletRequest request = Pages.request();
        Area area = end(request, "sign-out").orElse(Area.of(request));
        close(request);
        Pages.redirect(area.signInPage() + "?" + SIGNED_OUT + "=true");
    }

    /**
     * Remembers who has just signed in on this request, holding the account's session epoch, and
     * gives the session the signed-in idle timeout.
     */
    static void signedIn(HttpServletRequest request, int epoch, Duration idleTimeout) {
        Area.signedInRole(request).ifPresent(role -> {
            HttpSession session = request.getSession();
            session.setMaxInactiveInterval(Math.toIntExact(idleTimeout.toSeconds()));
            session.setAttribute(Account.ATTRIBUTE, new Account(request.getUserPrincipal().getName(), role, epoch,
                    Instant.now(), request.getRemoteAddr()));
        });
    }

    /** The password was changed on this session: it goes on with the new epoch, the others end. */
    static void passwordChanged(HttpServletRequest request, int epoch) {
        HttpSession session = request.getSession();
        Account.of(session).ifPresent(a -> session.setAttribute(Account.ATTRIBUTE,
                new Account(a.login(), a.role(), epoch, a.signedInAt(), a.clientAddress())));
    }

    /**
     * Ends the account signed in on this session, if any, with its session, and records why.
     *
     * @return the area that was signed out, empty when nobody was signed in (nothing changed)
     */
    Optional<Area> end(HttpServletRequest request, String why) throws ServletException {
        Optional<Account> account = Account.of(request.getSession(false));
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
            // recorded already: the end of the session is not an idle timeout (see IdleSessions)
            session.removeAttribute(Account.ATTRIBUTE);
            session.invalidate();
        }
    }
}
