package tw.fine.ra.registration.control;

import static tw.fine.ra.registration.control.A4Page.LEFT;
import static tw.fine.ra.registration.control.A4Page.WIDTH;
import static tw.fine.ra.registration.control.A4Page.fromTop;
import static tw.fine.ra.registration.control.A4Page.mm;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** The lower part of the mailer, torn off and handed sealed to the subscriber: the password and how to use it. */
final class SealedPart {

    private static final float TOP = ContactPart.TEAR_LINE + 8;
    private static final float BOTTOM = 287;
    private static final float INNER = LEFT + mm(5);
    private static final float INNER_WIDTH = WIDTH - mm(10);
    private static final float VALUES = INNER + mm(58);

    private final Bilingual labels;
    private final PdfText text;

    SealedPart(Bilingual labels) {
        this.labels = labels;
        this.text = labels.text();
    }

    void draw(PasswordMailer.Letter letter, char[] password) throws IOException {
        frame();
        labels.label("subscriber.id", INNER, fromTop(TOP + 16), 9);
        text.line(letter.subscriberId(), VALUES, fromTop(TOP + 16), 11);
        labels.label("account", INNER, fromTop(TOP + 23), 9);
        text.line(letter.accountName(), VALUES, fromTop(TOP + 23), 11);
        labels.label("password", INNER, fromTop(TOP + 32), 9);
        text.secret(password, VALUES, fromTop(TOP + 33), passwordSize(password));
        float below = new CharacterGrid(labels).draw(password, VALUES, TOP + 37);
        instructions(letter, below + 8);
        footer(letter);
    }

    /** As large as reads well, smaller only where a long password would run out of the frame. */
    private float passwordSize(char[] password) {
        float widthAtOnePoint = 0;
        for (char c : password) {
            widthAtOnePoint += text.width(c, 1);
        }
        return Math.min(20, (LEFT + WIDTH - mm(5) - VALUES) / widthAtOnePoint);
    }

    private void frame() throws IOException {
        PDPageContentStream canvas = text.canvas();
        canvas.setLineWidth(1.2f);
        canvas.addRect(LEFT, fromTop(BOTTOM), WIDTH, mm(BOTTOM - TOP));
        canvas.stroke();
        canvas.addRect(LEFT, fromTop(TOP + 9), WIDTH, mm(9));
        canvas.fill();
        canvas.setNonStrokingColor(1f);
        String banner = labels.zh().get("confidential") + "  " + labels.en().get("confidential");
        text.line(banner, LEFT + (WIDTH - text.width(banner, 12)) / 2, fromTop(TOP + 6.3f), 12);
        canvas.setNonStrokingColor(0f);
    }

    private void instructions(PasswordMailer.Letter letter, float top) throws IOException {
        labels.label("instructions", INNER, fromTop(top), 10);
        float y = fromTop(top + 7);
        for (int i = 1; i <= 5; i++) {
            y = numbered(i, labels.zh().get("instruction." + i, letter.website()), y, 9);
        }
        y -= mm(1.5f);
        for (int i = 1; i <= 5; i++) {
            y = numbered(i, labels.en().get("instruction." + i, letter.website()), y, 8);
        }
    }

    /** A numbered item whose following lines align under its text, not under the number. */
    private float numbered(int number, String item, float y, float size) throws IOException {
        text.line(number + ".", INNER, y, size);
        return text.paragraph(item, INNER + mm(5), y, size, INNER_WIDTH - mm(5));
    }

    /** The reference and subscriber on the torn-off part too, so a found half can be traced. */
    private void footer(PasswordMailer.Letter letter) throws IOException {
        String line = labels.zh().get("reference") + " " + labels.en().get("reference") + " "
                + letter.reference() + "　·　" + letter.subscriberId();
        text.grey(() -> text.line(line, INNER, fromTop(BOTTOM - 3), 7));
    }
}
