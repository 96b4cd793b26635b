package tw.fine.ra.web.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages need no system font: the served Noto Sans TC files cover every character they show. */
class WebFontTest {

    private static final Path FONTS = Path.of("src/main/webapp/resources/fonts");
    private static final Pattern RANGE = Pattern.compile("U\\+([0-9a-f]+)(?:-([0-9a-f]+))?");
    private static final Pattern FILE = Pattern.compile("fonts/([^']+\\.woff2)");

    @Test
    void everyCharacterOfTheBundlesAndPagesHasAServedFontFile() throws IOException {
        String css = Files.readString(FONTS.resolve("noto-sans-tc.css"));
        List<int[]> ranges = new ArrayList<>();
        Matcher m = RANGE.matcher(css);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1), 16);
            ranges.add(new int[] {from, m.group(2) == null ? from : Integer.parseInt(m.group(2), 16)});
        }
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources")),
                Files.walk(Path.of("src/main/webapp")))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties") || p.toString().endsWith(".xhtml"))
                    .toList()) {
                Files.readString(file).codePoints().filter(cp -> cp > 0x7e)
                        .filter(cp -> ranges.stream().noneMatch(r -> cp >= r[0] && cp <= r[1]))
                        .forEach(cp -> missing.add(Character.toString(cp) + " in " + file.getFileName()));
            }
        }
        assertTrue(missing.isEmpty(), "no served font file covers " + missing + ": run web/fonts/update.sh");
    }

    @Test
    void everyFontFileTheRulesNameIsThereWithItsLicence() throws IOException {
        Matcher m = FILE.matcher(Files.readString(FONTS.resolve("noto-sans-tc.css")));
        int files = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(FONTS.resolve(m.group(1))), m.group(1));
            files++;
        }
        assertTrue(files > 0, "no font file named");
        assertTrue(Files.readString(FONTS.resolve("OFL.txt")).contains("SIL OPEN FONT LICENSE"));
    }
}
