package tw.fine.ra.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** The SMTP server the test server delivers to: GreenMail in the test JVM, on the test's port. */
public final class Mailbox implements AutoCloseable {

    public static final int PORT = Integer.getInteger("it.smtp.port", 3025);

    private final GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public static Mailbox open() {
        Mailbox box = new Mailbox();
        box.greenMail.start();
        return box;
    }

    /** Messages received so far with this exact subject (other tests' mail may arrive too). */
    public List<MimeMessage> withSubject(String subject) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subjectOf(m).equals(subject)).toList();
    }

    /** Waits up to a minute for a message whose subject contains {@code text}. */
    public MimeMessage awaitSubjectContaining(String text) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (java.time.Instant.now().isBefore(deadline)) {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (subjectOf(m).contains(text)) {
                    return m;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no mail whose subject contains " + text);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
