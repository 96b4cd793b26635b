package tw.fine.ra.it.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.entity.AuditEvent;

/**
 * Test deployments only: lets client-side tests create accounts (initial password
 * {@link TestData#PASSWORD}) and read their lock state.
 * {@code POST /test/accounts?role=CLERK} or {@code ?subscriberOf=UBN} answers the login;
 * {@code GET /test/accounts?login=..} answers {@code locked=true|false mustChange=.. disabled=..};
 * {@code POST /test/accounts?reopen=..} opens a disabled account again (a fixture);
 * {@code GET /test/accounts?audited=SIGN_OUT&subject=..&detail=..} answers how many such records exist;
 * {@code POST /test/accounts?signIn=..&password=..} answers {@code granted} or {@code refused}.
 */
@WebServlet("/test/accounts")
public class AccountsProbe extends HttpServlet {

    @Inject
    TestData data;

    /** From a client-side test: creates an account ({@code role=CLERK}, {@code subscriberOf=UBN}) and answers its login. */
    public static String create(Http http, String query) {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.https("/test/accounts?" + query)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).body().strip();
    }

    @Inject
    SignIn signIn;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("signIn") != null) {
            boolean granted = signIn.verify(Role.Area.SUBSCRIBER, req.getParameter("signIn"),
                    req.getParameter("password").toCharArray(), req.getRemoteAddr()).isPresent();
            resp.getWriter().print(granted ? "granted" : "refused");
            return;
        }
        if (req.getParameter("reopen") != null) {
            data.reopen(req.getParameter("reopen"));
            resp.getWriter().print("reopened");
            return;
        }
        String ubn = req.getParameter("subscriberOf");
        String login = ubn != null ? data.subscriber(ubn) : data.account(Role.valueOf(req.getParameter("role")));
        resp.setContentType("text/plain");
        resp.getWriter().print(login);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("audited") != null) {
            resp.getWriter().print(data.auditCount(AuditEvent.valueOf(req.getParameter("audited")),
                    req.getParameter("subject"), req.getParameter("detail")));
            return;
        }
        Account account = data.find(req.getParameter("login"));
        resp.setContentType("text/plain");
        resp.getWriter().print("locked=" + account.isLocked() + " mustChange=" + account.isMustChangePassword()
                + " disabled=" + account.isDisabled());
    }
}
