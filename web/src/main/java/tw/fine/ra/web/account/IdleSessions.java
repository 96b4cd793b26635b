package tw.fine.ra.web.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.fine.ra.account.boundary.SignIn;

/**
 * Records the sign-out nobody asked for: a signed-in session that ends because it stayed unused
 * past its idle timeout. Sign-outs that {@link SignOut} performs take the signed-in record off
 * the session before ending it, so they are never recorded twice; a session ended by an undeploy
 * or a shutdown, still fresh, is not an idle timeout and is not recorded as one.
 */
@WebListener
public class IdleSessions implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(IdleSessions.class.getName());

    @Inject
    SignIn signIn;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        SignOut.Account.of(session).filter(account -> idle(session)).ifPresent(account -> {
            try {
                signIn.signedOut(account.login(), account.role(), account.clientAddress(),
                        "session ended: idle timeout");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the idle timeout of a session of " + account.login() + " was not recorded", e);
            }
        });
    }

    private static boolean idle(HttpSession session) {
        long unused = System.currentTimeMillis() - session.getLastAccessedTime();
        return session.getMaxInactiveInterval() > 0
                && unused >= TimeUnit.SECONDS.toMillis(session.getMaxInactiveInterval()) - 1000;
    }
}
