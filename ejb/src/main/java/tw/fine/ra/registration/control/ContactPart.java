package tw.fine.ra.registration.control;

import static tw.fine.ra.registration.control.A4Page.LEFT;
import static tw.fine.ra.registration.control.A4Page.RIGHT;
import static tw.fine.ra.registration.control.A4Page.WIDTH;
import static tw.fine.ra.registration.control.A4Page.fromTop;
import static tw.fine.ra.registration.control.A4Page.mm;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** The upper part of the mailer, read by the organization's certificate contact. */
final class ContactPart {

    /** DIN 5008 form B address window: 20 mm from the left, 45 mm from the top, 85 x 45 mm. */
    private static final float WINDOW_TOP = 45;
    private static final float WINDOW_WIDTH = mm(85);
    /** The window's first 17.7 mm carry the sender and the handling note; the address sits below. */
    private static final float ADDRESS_TOP = WINDOW_TOP + 17.7f;
    private static final float VALUE_COLUMN = mm(55);
    static final float TEAR_LINE = 152;

    private final PdfText text;
    private final Bilingual labels;
    private final MailerLabels zh;
    private final MailerLabels en;

    ContactPart(Bilingual labels) {
        this.labels = labels;
        this.text = labels.text();
        this.zh = labels.zh();
        this.en = labels.en();
    }

    void draw(PasswordMailer.Letter letter) throws IOException {
        window(letter);
        referenceAndDate(letter);
        text.line(zh.get("title"), LEFT, fromTop(95), 18);
        text.line(en.get("title"), LEFT, fromTop(101), 11);
        details(letter);
        float y = text.paragraph(zh.get("intro"), LEFT, fromTop(137), 9.5f, WIDTH);
        text.grey(() -> text.paragraph(en.get("intro"), LEFT, y, 8, WIDTH));
        tearLine();
    }

    private void window(PasswordMailer.Letter letter) throws IOException {
        float x = LEFT + mm(2);
        text.line(zh.get("sender"), x, fromTop(WINDOW_TOP + 5), 7);
        text.line(zh.get("sender.note") + "　" + en.get("sender.note"), x, fromTop(WINDOW_TOP + 9), 6.5f);
        float y = fromTop(ADDRESS_TOP + 5);
        for (String addressLine : letter.contactAddress().split("\\R")) {
            y = text.paragraph(addressLine, x, y, 10, WINDOW_WIDTH - mm(4));
        }
        y = text.paragraph(letter.organizationName(), x, y, 10, WINDOW_WIDTH - mm(4));
        text.line(letter.contactName() + " " + zh.get("addressee"), x, y - 2, 11);
    }

    private void referenceAndDate(PasswordMailer.Letter letter) throws IOException {
        float x = mm(125);
        text.line(zh.get("reference") + " " + en.get("reference"), x, fromTop(WINDOW_TOP + 22), 8);
        text.line(letter.reference(), x, fromTop(WINDOW_TOP + 27), 10);
        text.line(zh.get("date") + " " + en.get("date"), x, fromTop(WINDOW_TOP + 34), 8);
        text.line(zh.date(letter.issuedInTaipei()), x, fromTop(WINDOW_TOP + 39), 10);
        text.grey(() -> text.line(en.date(letter.issuedInTaipei()), x, fromTop(WINDOW_TOP + 44), 8));
    }

    private void details(PasswordMailer.Letter letter) throws IOException {
        String[][] rows = {
            {"organization", letter.organizationName()},
            {"business.number", letter.businessNumber()},
            {"subscriber.id", letter.subscriberId()},
            {"account", letter.accountName()},
        };
        float top = 110;
        for (String[] row : rows) {
            labels.label(row[0], LEFT, fromTop(top), 9.5f);
            text.paragraph(row[1], LEFT + VALUE_COLUMN, fromTop(top), 10.5f, WIDTH - VALUE_COLUMN);
            top += 6.5f;
        }
    }

    private void tearLine() throws IOException {
        PDPageContentStream canvas = text.canvas();
        float y = fromTop(TEAR_LINE);
        canvas.setLineDashPattern(new float[] {4, 3}, 0);
        canvas.setLineWidth(0.6f);
        canvas.moveTo(0, y);
        canvas.lineTo(A4Page.SIZE.getWidth(), y);
        canvas.stroke();
        canvas.setLineDashPattern(new float[0], 0);
        String zhTear = zh.get("tear");
        text.line(zhTear, RIGHT - text.width(zhTear, 7), y + mm(1.2f), 7);
        String enTear = en.get("tear");
        text.grey(() -> text.line(enTear, RIGHT - text.width(enTear, 6.5f), y - mm(3.2f), 6.5f));
    }
}
