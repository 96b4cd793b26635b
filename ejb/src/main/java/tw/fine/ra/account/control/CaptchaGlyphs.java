package tw.fine.ra.account.control;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

import tw.fine.ra.platform.BundledFont;

/**
 * Outlines of the CAPTCHA alphabet taken from the bundled font. Java2D text rendering
 * needs system fonts and fontconfig, which a bare server may not have; filling outlines
 * needs neither. Outlines are in font units with y pointing up.
 */
final class CaptchaGlyphs {

    private final Map<Character, Shape> outlines;

    private CaptchaGlyphs(Map<Character, Shape> outlines) {
        this.outlines = Map.copyOf(outlines);
    }

    static CaptchaGlyphs of(String alphabet) {
        try (TrueTypeFont font = BundledFont.open()) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            Map<Character, Shape> outlines = new HashMap<>();
            for (char c : alphabet.toCharArray()) {
                int gid = cmap.getGlyphId(c);
                GlyphData glyph = gid == 0 ? null : font.getGlyph().getGlyph(gid);
                if (glyph == null || glyph.getNumberOfContours() == 0) {
                    throw new IllegalStateException("bundled font has no outline for '" + c + "'");
                }
                // a private copy: the font's path objects die with the font
                outlines.put(c, new Path2D.Float(glyph.getPath()));
            }
            return new CaptchaGlyphs(outlines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared outline; callers transform it into a new shape and never change it. */
    Shape outline(char c) {
        Shape shape = outlines.get(c);
        if (shape == null) {
            throw new IllegalArgumentException("character outside the CAPTCHA alphabet");
        }
        return shape;
    }
}
