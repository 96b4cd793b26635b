package tw.fine.ra.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import tw.fine.ra.web.support.Pages;

/** Sign-out (登出): ends the authentication and the session, back to the area's sign-in page. */
@Named
@RequestScoped
public class SignOut {

    public void run() throws ServletException {
        HttpServletRequest request = Pages.request();
        boolean backOffice = request.isUserInRole("CLERK") || request.isUserInRole("OFFICER")
                || request.isUserInRole("AUDITOR");
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Pages.redirect(backOffice ? "/admin/login.xhtml" : "/login.xhtml");
    }
}
