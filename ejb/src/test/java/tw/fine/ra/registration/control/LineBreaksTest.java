package tw.fine.ra.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineBreaksTest {

    /** One unit per character makes the expected lines easy to count by eye. */
    private static List<String> wrap(String text, int width) {
        return LineBreaks.wrap(text, width, String::length);
    }

    @Test
    void latinBreaksOnlyBetweenWords() {
        assertEquals(List.of("sign in", "at the", "website"), wrap("sign in at the website", 7));
    }

    @Test
    void hanBreaksBetweenAnyTwoCharacters() {
        assertEquals(List.of("首次登入", "時系統會", "要求"), wrap("首次登入時系統會要求", 4));
    }

    @Test
    void closingPunctuationNeverStartsALine() {
        assertEquals(List.of("首次登入，", "系統"), wrap("首次登入，系統", 4));
    }

    @Test
    void latinWordStaysWholeInsideChinese() {
        assertEquals(List.of("請至網站", "https://x.tw/", "以帳號登入。"), wrap("請至網站 https://x.tw/ 以帳號登入。", 13));
    }

    @Test
    void wordLongerThanTheLineIsCut() {
        assertEquals(List.of("https://ra.", "fine.exampl", "e.tw/ now"), wrap("https://ra.fine.example.tw/ now", 11));
    }

    @Test
    void shortTextIsOneLine() {
        assertEquals(List.of("密碼函"), wrap("密碼函", 20));
        assertEquals(List.of(), wrap("  ", 20));
    }
}
