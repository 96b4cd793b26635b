package tw.fine.ra.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MailerLabelsTest {

    /** Only the Chinese text uses these: the one-character kind tags and the 收 after the name. */
    private static final Set<String> CHINESE_ONLY = Set.of("addressee", "type.digit", "type.upper", "type.lower", "type.symbol");

    @Test
    void englishTranslatesEveryKeyButTheChineseOnlyOnes() throws IOException {
        Set<String> expected = new HashSet<>(file("mailer_zh_TW").stringPropertyNames());
        expected.removeAll(CHINESE_ONLY);
        assertEquals(expected, file("mailer_en").stringPropertyNames());
    }

    @Test
    void defaultBundleIsTheTraditionalChineseOne() throws IOException {
        assertEquals(file("mailer_zh_TW"), file("mailer"));
    }

    @Test
    void chineseIsReadAsUtf8() {
        assertEquals("網站密碼函", MailerLabels.chinese().get("title"));
    }

    @Test
    void dateUsesTheRepublicOfChinaYearInChinese() {
        ZonedDateTime time = ZonedDateTime.parse("2026-01-05T08:07:00+08:00[Asia/Taipei]");
        assertEquals("中華民國 115 年 1 月 5 日 08:07", MailerLabels.chinese().date(time));
        assertEquals("5 January 2026, 08:07 Taipei time", MailerLabels.english().date(time));
    }

    @Test
    void argumentsAreFilledIn() {
        assertTrue(MailerLabels.english().get("instruction.1", "https://x.tw/").contains("website https://x.tw/ with"));
    }

    private static Properties file(String name) throws IOException {
        String path = "/tw/fine/ra/registration/" + name + ".properties";
        try (InputStream in = MailerLabelsTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
