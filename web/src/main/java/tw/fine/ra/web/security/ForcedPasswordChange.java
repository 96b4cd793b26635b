package tw.fine.ra.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * After a sign-in with an initial or reset password, every page of the signed-in area leads to
 * the password change page until the password is changed.
 * Declared in {@code web.xml}, which orders the signed-in areas' filters.
 */
public class ForcedPasswordChange extends HttpFilter {

    public static final String SESSION_FLAG = "fine.mustChangePassword";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String passwordPage = Area.of(path).passwordPage();
        if (session != null && session.getAttribute(SESSION_FLAG) != null
                && !path.equals(passwordPage) && request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + passwordPage);
            return;
        }
        chain.doFilter(request, response);
    }
}
