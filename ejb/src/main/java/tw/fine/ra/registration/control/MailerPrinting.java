package tw.fine.ra.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZonedDateTime;
import tw.fine.ra.platform.ClockProducer;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * A subscriber's initial password printed into a sealed mailer. The password comes from the
 * account capability, which stores only its hash; here it is only drawn into the PDF.
 */
@ApplicationScoped
public class MailerPrinting {

    @Inject
    PasswordMailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public byte[] print(Organization organization, Subscriber subscriber, String reference, char[] password,
            PasswordMailer.Purpose purpose) {
        return print(organization, subscriber, subscriber.getSubscriberId(), reference, password, purpose);
    }

    /**
     * A staff member's reset letter: the RA itself stands where an organization would, the role
     * where a business number would, and the letter goes by internal delivery.
     */
    public byte[] printStaff(String login, String displayName, String role, String reference, char[] password) {
        MailerLabels zh = MailerLabels.chinese(PasswordMailer.Purpose.STAFF_RESET);
        MailerLabels en = MailerLabels.english(PasswordMailer.Purpose.STAFF_RESET);
        var letter = new PasswordMailer.Letter(reference,
                ZonedDateTime.now(clock).withZoneSameInstant(ClockProducer.TAIPEI), zh.get("sender"),
                zh.get("role." + role) + " " + en.get("role." + role), displayName, zh.get("internal.delivery") + "　" + en.get("internal.delivery"),
                login, login, settings.siteUrl(), PasswordMailer.Purpose.STAFF_RESET);
        return mailer.print(letter, password);
    }

    /** @param accountName what the letter names the secret's holder by: the website account, or the card number */
    public byte[] print(Organization organization, Subscriber subscriber, String accountName, String reference,
            char[] password, PasswordMailer.Purpose purpose) {
        var contact = organization.getContact();
        var letter = new PasswordMailer.Letter(reference,
                ZonedDateTime.now(clock).withZoneSameInstant(ClockProducer.TAIPEI), organization.getName(),
                organization.getUbn().value(), contact.getName(), contact.getAddress(),
                subscriber.getSubscriberId(), accountName, settings.siteUrl(), purpose);
        return mailer.print(letter, password);
    }
}
