package tw.fine.ra.registration.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text on one PDF page in one font, positioned in points from the page's lower left corner. */
final class PdfText {

    private static final float GREY = 0.35f;

    private final PDPageContentStream out;
    private final PDFont font;

    PdfText(PDPageContentStream out, PDFont font) {
        this.out = out;
        this.font = font;
    }

    PDPageContentStream canvas() {
        return out;
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(String text, float x, float y, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** Writes the text wrapped to the width; returns the baseline below the last line. */
    float paragraph(String text, float x, float y, float size, float maxWidth) throws IOException {
        float leading = size * 1.45f;
        List<String> lines = LineBreaks.wrap(text, maxWidth, s -> width(s, size));
        for (String line : lines) {
            line(line, x, y, size);
            y -= leading;
        }
        return y;
    }

    /**
     * Shows one character per text operator so that no string of the whole secret is built;
     * the characters still follow each other as one word for readers and text extraction.
     */
    void secret(char[] text, float x, float y, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        for (char c : text) {
            out.showText(String.valueOf(c));
        }
        out.endText();
    }

    float width(char c, float size) {
        return width(String.valueOf(c), size);
    }

    /** Runs a drawing step in grey, the colour of the English under the Chinese. */
    void grey(Drawing step) throws IOException {
        out.setNonStrokingColor(GREY);
        step.draw();
        out.setNonStrokingColor(0f);
    }

    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }
}
