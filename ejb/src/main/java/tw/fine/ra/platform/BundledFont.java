package tw.fine.ra.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Traditional Chinese TrueType font shipped inside the application (Noto Sans TC
 * Regular, SIL OFL 1.1, see {@code fonts/OFL.txt}), so that PDFs and CAPTCHA images
 * look the same on every server whether or not it has any fonts installed.
 */
public final class BundledFont {

    static final String RESOURCE = "/fonts/NotoSansTC-Regular.ttf";

    private BundledFont() {
    }

    /**
     * A freshly parsed font with glyph substitution switched off, because ligatures
     * would turn the "fi" of a password into a single glyph that reads back as "ﬁ".
     * The caller owns it and closes it; a PDF must keep it open until it is saved.
     */
    public static TrueTypeFont open() throws IOException {
        // a parsed TrueTypeFont reads lazily and is not thread-safe, so only the bytes are shared
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(Bytes.FONT));
        font.setEnableGsub(false);
        return font;
    }

    /** Loaded on first use only; 7 MB that every later document reuses. */
    private static final class Bytes {
        static final byte[] FONT = read();

        private static byte[] read() {
            try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing from the build: " + RESOURCE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
