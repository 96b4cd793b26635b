package tw.fine.ra.web.card;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;
import tw.fine.ra.certificate.entity.DownloadRefusedException;

/**
 * Every card refusal, certificate download refusal and CA refusal of an application has a message
 * pages and the agent flow can show, in Traditional Chinese (the default) and English.
 */
class CardRefusalWordingTest {

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("tw.fine.ra.web.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static void assertWorded(String key) {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.TAIWAN, Locale.ENGLISH}) {
            assertTrue(bundle(locale).containsKey(key), key + " in " + locale);
        }
        assertNotEquals(bundle(Locale.TAIWAN).getString(key), bundle(Locale.ENGLISH).getString(key), key);
    }

    @Test
    void everyRefusalReasonIsWordedInEveryBundle() {
        for (CardRefusedException.Reason reason : CardRefusedException.Reason.values()) {
            assertWorded(new CardRefusedException(reason, "test").messageKey());
        }
    }

    @Test
    void everyDownloadRefusalIsWordedInEveryBundle() {
        for (DownloadRefusedException.Reason reason : DownloadRefusedException.Reason.values()) {
            assertWorded(new DownloadRefusedException(reason, "test").messageKey());
        }
    }

    /** A weak card key is named to the subscriber, not hidden behind "the CA refused". */
    @Test
    void everyCaRefusalOfAnApplicationIsWordedPrecisely() {
        for (RequestRejectedException.Reason reason : RequestRejectedException.Reason.values()) {
            String key = new ApplicationRefusedException(new RequestRejectedException(reason, "test")).messageKey();
            assertTrue(key.endsWith(reason.name()), key);
            assertWorded(key);
        }
    }
}
