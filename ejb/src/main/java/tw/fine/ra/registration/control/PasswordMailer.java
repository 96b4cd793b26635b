package tw.fine.ra.registration.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import tw.fine.ra.platform.BundledFont;

/**
 * The sealed website password mailer (網站密碼函) as a one-page A4 PDF: the upper part
 * addressed to the organization's certificate contact through a window envelope, the lower
 * part torn off and handed sealed to the subscriber, Traditional Chinese with English below.
 */
@ApplicationScoped
public class PasswordMailer {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final int MAX_PASSWORD_LENGTH = 32;

    /** Why the letter is sent: it words the letter (an account opened, or a password reset). */
    public enum Purpose {
        /** The account was opened at registration; the password is the initial one. */
        OPENING,
        /** A paper reset form was approved; the password replaces the lost one. */
        RESET,
        /** A staff member's reset form was approved; the letter goes to the member inside the RA. */
        STAFF_RESET,
        /** A smart card was personalized at the RA counter; the "password" is the card's initial PIN. */
        CARD_PIN
    }

    /**
     * What a mailer says besides the password, which travels apart so that a letter can be
     * kept, logged or queued without the secret.
     *
     * @param reference      the letter's reference number, printed on both parts
     * @param contactAddress postal address of the certificate contact; line breaks are kept
     * @param website        the sign-in address of the certificate operations website
     * @param purpose        whether the account was opened or its password reset
     */
    public record Letter(String reference, ZonedDateTime issuedAt, String organizationName, String businessNumber,
            String contactName, String contactAddress, String subscriberId, String accountName, String website,
            Purpose purpose) {

        public Letter {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(organizationName, "organizationName");
            Objects.requireNonNull(businessNumber, "businessNumber");
            Objects.requireNonNull(contactName, "contactName");
            Objects.requireNonNull(contactAddress, "contactAddress");
            Objects.requireNonNull(subscriberId, "subscriberId");
            Objects.requireNonNull(accountName, "accountName");
            Objects.requireNonNull(website, "website");
            Objects.requireNonNull(purpose, "purpose");
        }

        /** The letter of a newly opened account. */
        public Letter(String reference, ZonedDateTime issuedAt, String organizationName, String businessNumber,
                String contactName, String contactAddress, String subscriberId, String accountName, String website) {
            this(reference, issuedAt, organizationName, businessNumber, contactName, contactAddress, subscriberId,
                    accountName, website, Purpose.OPENING);
        }

        /** The issue time as printed: Taipei time whatever zone it was given in. */
        ZonedDateTime issuedInTaipei() {
            return issuedAt.withZoneSameInstant(TAIPEI);
        }
    }

    /**
     * The mailer as PDF bytes. The password is read, never copied into a String or kept;
     * the caller owns the array and wipes it once the PDF is stored or printed.
     *
     * @throws IllegalArgumentException if the password is empty, longer than 32 or holds anything
     *         but visible ASCII (the message never quotes it)
     */
    public byte[] print(Letter letter, char[] password) {
        checkPrintable(password);
        try (PDDocument document = new PDDocument(); TrueTypeFont ttf = BundledFont.open()) {
            PDType0Font font = PDType0Font.load(document, ttf, true);
            PDPage page = new PDPage(A4Page.SIZE);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Bilingual labels = new Bilingual(new PdfText(out, font), letter.purpose());
                new ContactPart(labels).draw(letter);
                new SealedPart(labels).draw(letter, password);
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
            // the font must stay open until here: the subset is cut from it while saving
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("password mailer " + letter.reference() + " not printed", e);
        }
    }

    /** A space or a control character would be invisible on paper; the font has every visible ASCII glyph. */
    private static void checkPrintable(char[] password) {
        boolean ok = password.length > 0 && password.length <= MAX_PASSWORD_LENGTH;
        for (char c : password) {
            ok &= c >= 0x21 && c <= 0x7E;
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "a mailed password must be 1 to " + MAX_PASSWORD_LENGTH + " visible ASCII characters");
        }
    }
}
