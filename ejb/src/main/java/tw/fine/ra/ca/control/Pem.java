package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * Files the root ceremony and the server hand each other: written as PEM (what {@code openssl} and
 * people read), read as PEM or DER, so an operator may bring either.
 */
public final class Pem {

    private Pem() {
    }

    public static String text(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes beside and moves, so a reader never sees half a file. */
    public static void write(Path file, String type, byte[] der) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, text(type, der));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The DER of the first PEM block of the file, or the file itself when it is not PEM. */
    public static byte[] read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            String text = new String(content, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN ");
            if (begin < 0) {
                return content;
            }
            int body = text.indexOf('\n', begin) + 1;
            int end = text.indexOf("-----END ", body);
            if (body <= 0 || end < 0) {
                throw new IllegalArgumentException(file + " is not a complete PEM file");
            }
            return Base64.getMimeDecoder().decode(text.substring(body, end));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
