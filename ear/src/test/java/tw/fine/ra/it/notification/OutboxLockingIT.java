package tw.fine.ra.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.notification.control.MessageDelivery;

/** Two nodes never work on one message: a node finding it locked moves on instead of waiting. */
@ExtendWith(ArquillianExtension.class)
class OutboxLockingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(OutboxLockingIT.class);
    }

    @EJB
    Outbox outbox;

    @Inject
    MessageDelivery delivery;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/FineDS")
    DataSource db;

    @Test
    void aMessageLockedByAnotherNodeIsSkippedNotWaitedFor() throws Exception {
        String subject = "locked " + UUID.randomUUID();
        tx.begin();
        outbox.enqueue("contact@example.com", subject, "body");
        tx.commit();
        long id = single("SELECT id FROM outbox_message WHERE subject = ?", subject);
        try (Connection otherNode = db.getConnection()) {
            otherNode.setAutoCommit(false);
            long attemptsBefore = lock(otherNode, id);

            long start = System.nanoTime();
            boolean sent = delivery.attempt(id);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertFalse(sent);
            // waiting for the lock would take until the other node commits or the lock times out
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, () -> "waited " + took);
            otherNode.rollback();
            assertEquals(attemptsBefore, single("SELECT attempts FROM outbox_message WHERE id = ?", id),
                    "no attempt was made while the other node held the message");
        } finally {
            try (Connection c = db.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    /** Locks the row as a delivering node would, and reads its attempts while holding it. */
    private static long lock(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT attempts FROM outbox_message WHERE id = ? FOR UPDATE")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private long single(String sql, Object key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, key);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }
}
