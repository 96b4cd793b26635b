package tw.fine.ra.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import tw.fine.ra.card.entity.CardView;

/**
 * The dev runner's demo card folder: {@code pin} (the agent's {@code --scripted-pin-file}),
 * {@code card-pin-mailer.pdf}, and, written last, {@code card} (holder, GUID, status), which the runner
 * waits for; or {@code failed} with the reason. Every file is its owner's only (mode 600).
 */
final class DemoCardFolder {

    /** The English line of the card PIN mailer, as its recipient reads it. */
    private static final Pattern PIN_LINE = Pattern.compile("Initial card PIN (\\d{6,8})");

    private final Path folder;

    DemoCardFolder(Path folder) {
        this.folder = folder;
    }

    /** The card went to its holder with this sealed PIN mailer, the only place its PIN exists. */
    void handedOver(CardView card, byte[] pinMailer) {
        try {
            Files.createDirectories(folder);
            write("pin", (pinOf(pinMailer) + "\n").getBytes(StandardCharsets.US_ASCII));
            write("card-pin-mailer.pdf", pinMailer);
            write("card", ("subscriber=" + card.subscriberId() + "\nguid=" + card.guid() + "\nstatus="
                    + card.status() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo card's files into " + folder, e);
        }
    }

    void failed(String reason) throws IOException {
        Files.createDirectories(folder);
        write("failed", (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Path pin() {
        return folder.resolve("pin");
    }

    private static String pinOf(byte[] mailer) throws IOException {
        try (var document = Loader.loadPDF(mailer)) {
            Matcher line = PIN_LINE.matcher(new PDFTextStripper().getText(document));
            if (!line.find()) {
                throw new IllegalStateException("the card PIN mailer shows no PIN line");
            }
            return line.group(1);
        }
    }

    /** Replaces the file whole, never readable by others, not even while it is written. */
    private void write(String name, byte[] content) throws IOException {
        Path part = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, ".part", null,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, ".part", null);
        try {
            Files.write(part, content);
            Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
