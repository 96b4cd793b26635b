package tw.fine.ra.web.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.web.security.Area;
import tw.fine.ra.web.support.OneTimeNotice;

/**
 * Ends a signed-in session its account no longer allows, on its next request: the password was
 * changed in another session or reset, the account locked (the account's session epoch moved on),
 * or the session reached its absolute lifetime ({@code FINE_SESSION_LIFETIME_SECONDS}) however
 * busy it was. The sign-out is audited with the reason; the sign-in page says what happened.
 * Declared in {@code web.xml}, which orders the signed-in areas' filters.
 */
public class CurrentSession extends HttpFilter {

    @Inject
    SignIn signIn;

    @Inject
    SignOut signOut;

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> ended = SignOut.Account.of(request.getSession(false)).flatMap(this::endedBecause);
        if (ended.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Area area = signOut.end(request, "session ended: " + ended.get()).orElse(Area.of(request));
        OneTimeNotice.leave(request, "session.ended." + ended.get());
        String signInPage = request.getContextPath() + area.signInPage();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/app/api/")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED); // the card scripts say SESSION_ENDED
        } else if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // a JSF Ajax request follows a redirect only when the partial response asks for it
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + signInPage + "\"/></partial-response>");
        } else {
            response.sendRedirect(signInPage);
        }
    }

    private Optional<String> endedBecause(SignOut.Account account) {
        if (account.signedInAt().plus(settings.sessionLifetime()).isBefore(Instant.now())) {
            return Optional.of("lifetime");
        }
        boolean sameEpoch = signIn.currentEpoch(account.login()).orElse(-1) == account.epoch();
        return sameEpoch ? Optional.empty() : Optional.of("account");
    }
}
