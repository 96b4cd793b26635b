package tw.fine.ra.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordMailerTest {

    private static final PasswordMailer.Letter LETTER = new PasswordMailer.Letter(
            "PW-2026-000123", ZonedDateTime.parse("2026-11-25T18:31:00Z"),
            "範例科技股份有限公司", "70759028", "王小明",
            "100 臺北市中正區重慶南路一段122號8樓\n財務部 憑證窗口",
            "70759028-00-0007", "fine0007", "https://ra.fine.example.tw/signin");

    private final PasswordMailer mailer = new PasswordMailer();

    @ParameterizedTest
    @ValueSource(strings = {"Xfi9lI0O", "flfiffl1", "0O0o1lI|", "fi", "a(b)c\\d%e<f>", "!#$&*+-./:;=?@[]^_`{}~'\"", "Zz9"})
    void passwordRoundTripsExactly(String password) throws IOException {
        byte[] pdf = mailer.print(LETTER, password.toCharArray());
        List<String> words = Arrays.asList(text(pdf).split("\\s+"));
        assertTrue(words.contains(password), () -> "password not found as one word in " + words);
        assertTrue(glyphText(pdf).contains(password), "password glyphs differ from its characters");
    }

    @Test
    void ligaturesNeverReplaceLetters() throws IOException {
        String glyphs = glyphText(mailer.print(LETTER, "fifl".toCharArray()));
        assertTrue(glyphs.contains("first"), glyphs);
        assertTrue(glyphs.chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), () -> "ligature glyph in " + glyphs);
    }

    @Test
    void recipientAndSubscriberRoundTrip() throws IOException {
        String text = text(mailer.print(LETTER, "Xfi9lI0O".toCharArray()));
        for (String expected : List.of("70759028-00-0007", "fine0007", "王小明 收", "範例科技股份有限公司", "70759028",
                "100 臺北市中正區重慶南路一段122號8樓", "財務部 憑證窗口", "PW-2026-000123")) {
            assertTrue(text.contains(expected), () -> expected + " missing from\n" + text);
        }
    }

    @Test
    void chineseAndEnglishLabelsComeFromTheBundles() throws IOException {
        String text = text(mailer.print(LETTER, "Xfi9lI0O".toCharArray()));
        ResourceBundle zh = ResourceBundle.getBundle(MailerLabels.BUNDLE, Locale.TAIWAN);
        ResourceBundle en = ResourceBundle.getBundle(MailerLabels.BUNDLE, Locale.ENGLISH);
        for (String key : List.of("title", "password", "subscriber.id", "confidential", "instruction.2", "instruction.3")) {
            assertTrue(text.contains(zh.getString(key)), () -> "zh " + key + " missing from\n" + text);
            assertTrue(text.contains(en.getString(key)), () -> "en " + key + " missing from\n" + text);
        }
        assertTrue(text.contains("網站密碼函"));
        assertTrue(text.contains("首次登入時，系統會要求您立即變更密碼。"));
    }

    @Test
    void resetLetterSaysThePasswordWasResetNotThatTheAccountWasOpened() throws IOException {
        PasswordMailer.Letter reset = new PasswordMailer.Letter(LETTER.reference(), LETTER.issuedAt(),
                LETTER.organizationName(), LETTER.businessNumber(), LETTER.contactName(), LETTER.contactAddress(),
                LETTER.subscriberId(), LETTER.accountName(), LETTER.website(), PasswordMailer.Purpose.RESET);
        String text = unwrapped(text(mailer.print(reset, "Xfi9lI0O".toCharArray())));
        for (String said : List.of("網站密碼重新設定函", "網站密碼已依「網站密碼重新設定申請書」重新設定", "新網站密碼",
                "WebsitePasswordResetLetter", "websitepasswordofyourorganization'ssubscriberhasbeenreset",
                "Newwebsitepassword", "以新密碼登入時")) {
            assertTrue(text.contains(said), () -> said + " missing from\n" + text);
        }
        for (String opening : List.of("帳號已開立", "初始網站密碼", "hasbeenopened", "Initialwebsitepassword", "首次登入")) {
            assertFalse(text.contains(opening), () -> opening + " in a reset letter\n" + text);
        }
    }

    @Test
    void openingLetterSaysTheAccountWasOpened() throws IOException {
        String text = unwrapped(text(mailer.print(LETTER, "Xfi9lI0O".toCharArray())));
        assertTrue(text.contains("帳號已開立") && text.contains("hasbeenopened"), text);
        assertFalse(text.contains("重新設定函") || text.contains("hasbeenreset"), text);
    }

    @Test
    void instructionsNameTheWebsite() throws IOException {
        String text = text(mailer.print(LETTER, "Xfi9lI0O".toCharArray()));
        assertTrue(text.contains("請至憑證作業網站 https://ra.fine.example.tw/signin 以網站帳號"), text);
        assertTrue(text.contains("website https://ra.fine.example.tw/signin"), text);
    }

    @Test
    void issueDateIsPrintedInTaipeiTime() throws IOException {
        String text = text(mailer.print(LETTER, "Xfi9lI0O".toCharArray()));
        assertTrue(text.contains("中華民國 115 年 11 月 26 日 02:31"), text);
        assertTrue(text.contains("26 November 2026, 02:31 Taipei time"), text);
    }

    @Test
    void everyCharacterIsTaggedWithItsKind() throws IOException {
        String text = text(mailer.print(LETTER, "1lI0O#".toCharArray()));
        assertTrue(text.contains("數 小 大 數 大 符"), text);
    }

    @Test
    void onlyFontIsTheBundledOneEmbeddedAsSubset() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(mailer.print(LETTER, "Xfi9lI0O".toCharArray()))) {
            PDResources resources = pdf.getPage(0).getResources();
            List<COSName> names = new ArrayList<>();
            resources.getFontNames().forEach(names::add);
            assertEquals(1, names.size());
            PDFont font = resources.getFont(names.get(0));
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansTC-Regular"), font.getName());
            PDType0Font type0 = (PDType0Font) font;
            assertNotNull(type0.getDescendantFont().getFontDescriptor().getFontFile2(), "TrueType outlines embedded");
        }
    }

    @Test
    void subsetKeepsTheLetterSmall() {
        byte[] pdf = mailer.print(LETTER, "Xfi9lI0O".toCharArray());
        assertTrue(pdf.length < 200_000, () -> "a subset of a 7 MB font, yet " + pdf.length + " bytes");
    }

    @Test
    void mailerIsOnePage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(mailer.print(LETTER, "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6".toCharArray()))) {
            assertEquals(1, pdf.getNumberOfPages());
        }
    }

    @Test
    void unprintablePasswordIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("", "secret word", "tab\tbed", "密碼abc", "x".repeat(PasswordMailer.MAX_PASSWORD_LENGTH + 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> mailer.print(LETTER, bad.toCharArray()));
            assertFalse(!bad.isEmpty() && e.getMessage().contains(bad), "message quotes the password");
        }
    }

    @Test
    void passwordNeverReachesTheLog() {
        String password = "Lq7fiXw2";
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            mailer.print(LETTER, password.toCharArray());
        } finally {
            root.setLevel(before);
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains(password)), () -> "logged: " + logged);
    }

    /**
     * What each glyph on the page stands for, before the text stripper folds ligatures back
     * into letters; a reader copying from another PDF viewer gets exactly this.
     */
    private static String glyphText(byte[] pdf) throws IOException {
        StringBuilder glyphs = new StringBuilder();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.append(text.getUnicode());
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            collector.getText(document);
        }
        return glyphs.toString();
    }

    /** The text with every space and line break taken out, so a wrapped paragraph reads as one string. */
    private static String unwrapped(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
