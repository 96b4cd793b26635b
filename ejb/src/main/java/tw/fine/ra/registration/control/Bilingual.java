package tw.fine.ra.registration.control;

import java.io.IOException;

/** Chinese first and English after it, the way every label of the mailer is printed. */
record Bilingual(PdfText text, MailerLabels zh, MailerLabels en) {

    Bilingual(PdfText text, PasswordMailer.Purpose purpose) {
        this(text, MailerLabels.chinese(purpose), MailerLabels.english(purpose));
    }

    /** The Chinese label with its English in smaller grey type behind it. */
    void label(String key, float x, float y, float size) throws IOException {
        String chinese = zh.get(key);
        String english = en.get(key);
        float englishX = x + text.width(chinese, size) + 1.5f * A4Page.MM;
        text.line(chinese, x, y, size);
        text.grey(() -> text.line(english, englishX, y, size * 0.8f));
    }
}
