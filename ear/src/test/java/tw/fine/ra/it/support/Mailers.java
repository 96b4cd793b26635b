package tw.fine.ra.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a sealed password mailer (PDF) as its recipient does. */
public final class Mailers {

    private static final Pattern PASSWORD_LINE = Pattern.compile("(?:Initial|New) website password (\\S+)");
    private static final Pattern PIN_LINE = Pattern.compile("Initial card PIN (\\d+)");

    private Mailers() {
    }

    /** The password printed in the mailer's English line (initial at registration, new after a reset). */
    public static Optional<String> initialPassword(byte[] pdf) {
        return printed(pdf, PASSWORD_LINE);
    }

    /** The initial PIN printed in a card PIN mailer's English line. */
    public static Optional<String> cardPin(byte[] pdf) {
        return printed(pdf, PIN_LINE);
    }

    private static Optional<String> printed(byte[] pdf, Pattern pattern) {
        try (var document = Loader.loadPDF(pdf)) {
            Matcher line = pattern.matcher(new PDFTextStripper().getText(document));
            return line.find() ? Optional.of(line.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }
}
