package tw.fine.ra.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Mailbox;
import tw.fine.ra.it.support.Http;

/** Mail leaves through the outbox timer to a real SMTP server, after commit, exactly once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailDeliveryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(OutboxProbe.class);
    }

    private final Http http = new Http();

    @Test
    void mailIsSentOnlyAfterCommit() throws Exception {
        String rolledBack = "rolled back " + UUID.randomUUID();
        String committed = "憑證展期通知 " + UUID.randomUUID();
        try (Mailbox mailbox = Mailbox.open()) {
            enqueue(rolledBack, "never", "rollback");
            enqueue(committed, "您的憑證將於一個月後到期。", "commit");

            waitUntil(() -> mailbox.withSubject(committed).size() == 1, "committed mail arrives");

            MimeMessage mail = mailbox.withSubject(committed).get(0);
            assertEquals("您的憑證將於一個月後到期。", String.valueOf(mail.getContent()).strip());
            assertEquals("fine-ra@localhost", ((InternetAddress) mail.getFrom()[0]).getAddress());
            // the rolled-back message was enqueued first: had it been stored, it would be here by now
            assertEquals(List.of(), mailbox.withSubject(rolledBack));
            assertEquals("", outboxRows(rolledBack));
        }
    }

    @Test
    void mailSentAfterSmtpComesBack() throws Exception {
        String subject = "reset mailer on its way " + UUID.randomUUID();
        enqueue(subject, "body", "commit");
        // the SMTP server is down: wait until the timer has tried, failed and retried
        waitUntil(() -> attempts(subject) >= 2, "two failed attempts while SMTP is down");
        assertTrue(outboxRows(subject).startsWith("PENDING"), outboxRows(subject));

        try (Mailbox mailbox = Mailbox.open()) {
            waitUntil(() -> !mailbox.withSubject(subject).isEmpty(), "mail arrives once SMTP is back");
            waitUntil(() -> outboxRows(subject).startsWith("SENT"), "message marked sent");

            // more retry intervals and timer ticks pass: nothing may be sent again
            long quiet = 2 * retrySeconds() + 3;
            Thread.sleep(Duration.ofSeconds(quiet).toMillis());
            assertEquals(1, mailbox.withSubject(subject).size(), "copies received");
        }
    }

    private void enqueue(String subject, String body, String then) {
        String form = "to=" + enc("contact@example.com") + "&subject=" + enc(subject) + "&body=" + enc(body)
                + "&then=" + then;
        var response = http.send(HttpRequest.newBuilder(URI.create(Http.https("/test/outbox")))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertEquals(204, response.statusCode(), response::body);
    }

    private String outboxRows(String subject) {
        return http.get(Http.https("/test/outbox?subject=" + enc(subject))).body().strip();
    }

    private int attempts(String subject) {
        String row = outboxRows(subject);
        return row.isEmpty() ? 0 : Integer.parseInt(row.split(" ")[1]);
    }

    private long retrySeconds() {
        return Long.parseLong(http.get(Http.https("/test/outbox?retry-seconds")).body().strip());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, () -> "timed out waiting: " + what);
            Thread.sleep(200);
        }
    }
}
