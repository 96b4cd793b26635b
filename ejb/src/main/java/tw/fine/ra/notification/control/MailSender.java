package tw.fine.ra.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import tw.fine.ra.notification.entity.OutboxMessage;
import tw.fine.ra.platform.Settings;

/** Hands one outbox message to the SMTP server of the {@code java:jboss/mail/Fine} session. */
@Dependent
public class MailSender {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    @Resource(lookup = "java:jboss/mail/Fine")
    Session session;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public void send(OutboxMessage message) throws MessagingException {
        MimeMessage mime = new StableIdMessage(session, messageId(message));
        // the session's own default sender is not applied to messages built by the application
        mime.setFrom(new InternetAddress(settings.mailFrom(), true));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.getRecipient(), true));
        mime.setSubject(message.getSubject(), UTF_8);
        mime.setText(message.getBody(), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        Transport.send(mime);
    }

    /**
     * The same for every attempt of one message, so that a mail delivered twice (see the
     * package documentation) carries one identity that mail clients and archives can deduplicate.
     */
    String messageId(OutboxMessage message) {
        String from = settings.mailFrom();
        String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "");
        return "<outbox." + message.getId() + "." + message.getCreatedAt().toEpochMilli() + "@" + domain + ">";
    }

    /** Jakarta Mail replaces the Message-ID on every save; this keeps ours. */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
