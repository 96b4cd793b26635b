package tw.fine.ra.registration.control;

import static tw.fine.ra.registration.control.A4Page.fromTop;
import static tw.fine.ra.registration.control.A4Page.mm;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The password once more, one character a cell with its kind under it, because in most
 * sans-serif type l, I and 1 or O and 0 look alike and a misread initial password
 * soon locks the account.
 */
final class CharacterGrid {

    private static final float CELL_WIDTH = mm(6.5f);
    private static final float CHAR_HEIGHT = mm(8);
    private static final float TAG_HEIGHT = mm(5);
    private static final int PER_ROW = 16;
    private static final float CHAR_SIZE = 14;
    private static final float TAG_SIZE = 7;

    private final Bilingual labels;
    private final PdfText text;

    CharacterGrid(Bilingual labels) {
        this.labels = labels;
        this.text = labels.text();
    }

    /** Draws from {@code top} millimetres down; returns where the legend ends, in millimetres from the top. */
    float draw(char[] password, float x, float top) throws IOException {
        float rowTop = top;
        for (int start = 0; start < password.length; start += PER_ROW) {
            row(password, start, Math.min(password.length, start + PER_ROW), x, fromTop(rowTop));
            rowTop += (CHAR_HEIGHT + TAG_HEIGHT) / A4Page.MM + 1.5f;
        }
        text.line(labels.zh().get("type.legend"), x, fromTop(rowTop + 3), 7.5f);
        String english = labels.en().get("type.legend");
        float legendEnd = rowTop + 7;
        text.grey(() -> text.line(english, x, fromTop(legendEnd), 7));
        return legendEnd;
    }

    /** Characters first, then their tags, so the page reads (and extracts) row by row. */
    private void row(char[] password, int start, int end, float x, float top) throws IOException {
        PDPageContentStream canvas = text.canvas();
        canvas.setLineWidth(0.5f);
        for (int i = start; i < end; i++) {
            float left = x + (i - start) * CELL_WIDTH;
            canvas.addRect(left, top - CHAR_HEIGHT, CELL_WIDTH, CHAR_HEIGHT);
            canvas.addRect(left, top - CHAR_HEIGHT - TAG_HEIGHT, CELL_WIDTH, TAG_HEIGHT);
        }
        canvas.stroke();
        for (int i = start; i < end; i++) {
            float left = x + (i - start) * CELL_WIDTH;
            text.secret(new char[] {password[i]}, centred(left, text.width(password[i], CHAR_SIZE)),
                    top - CHAR_HEIGHT + mm(2.2f), CHAR_SIZE);
        }
        for (int i = start; i < end; i++) {
            String tag = labels.zh().get(kind(password[i]));
            float left = x + (i - start) * CELL_WIDTH;
            text.line(tag, centred(left, text.width(tag, TAG_SIZE)), top - CHAR_HEIGHT - TAG_HEIGHT + mm(1.5f), TAG_SIZE);
        }
    }

    private static float centred(float cellLeft, float width) {
        return cellLeft + (CELL_WIDTH - width) / 2;
    }

    private static String kind(char c) {
        if (c >= '0' && c <= '9') {
            return "type.digit";
        }
        if (c >= 'A' && c <= 'Z') {
            return "type.upper";
        }
        return c >= 'a' && c <= 'z' ? "type.lower" : "type.symbol";
    }
}
