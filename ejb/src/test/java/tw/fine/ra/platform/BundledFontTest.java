package tw.fine.ra.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

class BundledFontTest {

    @Test
    void coversPrintableAsciiAndTraditionalChinese() throws IOException {
        try (TrueTypeFont font = BundledFont.open()) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (char c = 0x21; c <= 0x7E; c++) {
                assertNotEquals(0, cmap.getGlyphId(c), "no glyph for " + c);
            }
            // characters only the traditional script has, and the rarer ones of a mailer
            for (char c : "密碼函憑證識別號臺灣戶縣鄉鎮廢".toCharArray()) {
                assertNotEquals(0, cmap.getGlyphId(c), "no glyph for " + c);
            }
        }
    }

    @Test
    void ligaturesAreSwitchedOff() throws IOException {
        try (TrueTypeFont font = BundledFont.open()) {
            assertFalse(font.isEnableGsub());
        }
    }

    @Test
    void everyCallHandsOutItsOwnFont() throws IOException {
        TrueTypeFont first = BundledFont.open();
        try (TrueTypeFont second = BundledFont.open()) {
            assertNotSame(first, second);
            first.close();
            // closing one must not break another user's font
            assertTrue(second.getGlyph().getGlyph(second.getUnicodeCmapLookup().getGlyphId('A')).getPath()
                    .getBounds2D().getHeight() > 0);
        }
    }
}
