package tw.fine.ra.web.card;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.entity.DownloadRefusedException;

/** Every card (and certificate download) refusal has a message pages can show, in Traditional Chinese (the default) and English. */
class CardRefusalWordingTest {

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("tw.fine.ra.web.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void everyRefusalReasonIsWordedInEveryBundle() {
        for (CardRefusedException.Reason reason : CardRefusedException.Reason.values()) {
            String key = new CardRefusedException(reason, "test").messageKey();
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.TAIWAN, Locale.ENGLISH}) {
                assertTrue(bundle(locale).containsKey(key), key + " in " + locale);
            }
            assertNotEquals(bundle(Locale.TAIWAN).getString(key), bundle(Locale.ENGLISH).getString(key), key);
        }
    }

    @Test
    void everyDownloadRefusalIsWordedInEveryBundle() {
        for (DownloadRefusedException.Reason reason : DownloadRefusedException.Reason.values()) {
            String key = new DownloadRefusedException(reason, "test").messageKey();
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.TAIWAN, Locale.ENGLISH}) {
                assertTrue(bundle(locale).containsKey(key), key + " in " + locale);
            }
            assertNotEquals(bundle(Locale.TAIWAN).getString(key), bundle(Locale.ENGLISH).getString(key), key);
        }
    }
}
