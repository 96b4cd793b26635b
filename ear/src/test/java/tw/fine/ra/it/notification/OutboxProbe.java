package tw.fine.ra.it.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.Settings;

/**
 * Test-only window into the server for {@link MailDeliveryIT}, whose SMTP server lives in the
 * test JVM: enqueues mail in a transaction that commits or rolls back, and reads the outbox row.
 */
@WebServlet("/test/outbox")
public class OutboxProbe extends HttpServlet {

    @EJB
    Outbox outbox;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/FineDS")
    DataSource db;

    /** Enqueues one message; {@code then=rollback} rolls the enclosing transaction back. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        try {
            tx.begin();
            outbox.enqueue(req.getParameter("to"), req.getParameter("subject"), req.getParameter("body"));
            if ("rollback".equals(req.getParameter("then"))) {
                tx.rollback();
            } else {
                tx.commit();
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** "status attempts" of the messages with this subject, one line each; or the retry interval. */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        resp.setContentType("text/plain;charset=UTF-8");
        if (req.getParameter("retry-seconds") != null) {
            resp.getWriter().print(new Settings().mailRetryInterval().toSeconds());
            return;
        }
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT status, attempts FROM outbox_message WHERE subject = ? ORDER BY id")) {
            q.setString(1, req.getParameter("subject"));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    resp.getWriter().println(rs.getString(1) + " " + rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
