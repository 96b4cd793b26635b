package tw.fine.ra.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Arrays;
import tw.fine.ra.account.control.InitialPasswords;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.platform.Time;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * A new initial password printed into a sealed mailer. The password exists only in memory
 * while the PDF is drawn and then in the PDF; what is stored is its hash.
 */
@ApplicationScoped
public class MailerPrinting {

    @Inject
    InitialPasswords passwords;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordMailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The stored hash of the new password and the mailer that carries it. */
    public record Printed(String passwordHash, byte[] pdf) {
    }

    /** The mailer of a newly opened account. */
    public Printed print(Organization organization, Subscriber subscriber, String reference) {
        return print(organization, subscriber, reference, PasswordMailer.Purpose.OPENING);
    }

    public Printed print(Organization organization, Subscriber subscriber, String reference,
            PasswordMailer.Purpose purpose) {
        char[] password = passwords.generate();
        try {
            var contact = organization.getContact();
            var letter = new PasswordMailer.Letter(reference, ZonedDateTime.now(clock).withZoneSameInstant(Time.TAIPEI),
                    organization.getName(), organization.getUbn().value(), contact.getName(), contact.getAddress(),
                    subscriber.getSubscriberId(), subscriber.getSubscriberId(), settings.siteUrl(), purpose);
            return new Printed(hasher.hash(password), mailer.print(letter, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
