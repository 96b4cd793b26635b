package tw.fine.ra.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaptchaTextTest {

    @Test
    void generatedTextsUseOnlyTheAlphabetAtTheAskedLength() {
        for (int length = CaptchaText.MIN_LENGTH; length <= CaptchaText.MAX_LENGTH; length++) {
            for (int i = 0; i < 200; i++) {
                String text = CaptchaText.random(length);
                assertEquals(length, text.length());
                for (char c : text.toCharArray()) {
                    assertTrue(CaptchaText.ALPHABET.indexOf(c) >= 0, () -> "outside alphabet: " + text);
                }
            }
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : CaptchaText.random(6).toCharArray()) {
                seen.add(c);
            }
        }
        assertEquals(CaptchaText.ALPHABET.length(), seen.size());
    }

    @Test
    void alphabetHasNoLookAlikes() {
        for (char c : "01OI".toCharArray()) {
            assertTrue(CaptchaText.ALPHABET.indexOf(c) < 0, () -> "look-alike in alphabet: " + c);
        }
    }

    @Test
    void lengthOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CaptchaText.random(CaptchaText.MIN_LENGTH - 1));
        assertThrows(IllegalArgumentException.class, () -> CaptchaText.random(CaptchaText.MAX_LENGTH + 1));
    }
}
