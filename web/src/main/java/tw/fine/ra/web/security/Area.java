package tw.fine.ra.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import tw.fine.ra.account.entity.Role;

/**
 * The two areas of the site and their pages: the one place that knows that {@code /admin/}
 * belongs to the back office and everything else to the subscribers.
 */
public enum Area {

    SUBSCRIBER(Role.Area.SUBSCRIBER, "/app/", "/login.xhtml"),
    BACK_OFFICE(Role.Area.BACK_OFFICE, "/admin/", "/admin/login.xhtml");

    private final Role.Area accounts;
    private final String prefix;
    private final String signInPage;

    Area(Role.Area accounts, String prefix, String signInPage) {
        this.accounts = accounts;
        this.prefix = prefix;
        this.signInPage = signInPage;
    }

    /** The area a path inside the application (without the context path) belongs to. */
    public static Area of(String path) {
        return path != null && path.startsWith(BACK_OFFICE.prefix) ? BACK_OFFICE : SUBSCRIBER;
    }

    /** The area of the requested page. */
    public static Area of(HttpServletRequest request) {
        return of(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The area whose account is signed in on this request, if any. */
    public static Optional<Area> signedIn(HttpServletRequest request) {
        return signedInRole(request).map(role -> of(role.area()));
    }

    /** The role of the account signed in on this request, if any. */
    public static Optional<Role> signedInRole(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(role -> request.isUserInRole(role.name())).findFirst();
    }

    public static Area of(Role.Area accounts) {
        return accounts == Role.Area.BACK_OFFICE ? BACK_OFFICE : SUBSCRIBER;
    }

    /** Which accounts may sign in here. */
    public Role.Area accounts() { return accounts; }

    public String signInPage() { return signInPage; }

    public String homePage() { return prefix + "index.xhtml"; }

    public String passwordPage() { return prefix + "password.xhtml"; }
}
