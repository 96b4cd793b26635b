package tw.fine.ra.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures as {@code key<TAB>value} lines, appended as each is measured so that a failure
 * later in the run keeps the earlier ones; {@code bench/Report.java} makes the table from them.
 */
final class Results {

    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    void put(String key, double value) {
        put(key, String.format(Locale.ROOT, "%.3f", value));
    }

    void put(String key, String value) {
        String line = key + "\t" + value.replace('\t', ' ').replace('\n', ' ') + "\n";
        System.out.print("[bench] " + line);
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
