package tw.fine.ra.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.BreakReason;
import tw.fine.ra.audit.entity.Outcome;

class AuditBundleTest {

    private static final String BASE = "tw.fine.ra.web.audit";

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BASE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(bundle(locale).keySet());
    }

    @Test
    void bothLanguagesAndTheDefaultHaveTheSameKeys() {
        assertEquals(keys(Locale.TAIWAN), keys(Locale.ENGLISH));
        assertEquals(keys(Locale.TAIWAN), keys(Locale.ROOT));
    }

    @Test
    void theDefaultIsTraditionalChinese() {
        assertEquals(bundle(Locale.TAIWAN).getString("title"), bundle(Locale.ROOT).getString("title"));
        assertEquals("稽核軌跡", bundle(Locale.ROOT).getString("title"));
    }

    @Test
    void everyEventOutcomeAndBreakReasonHasALabel() {
        Stream<String> needed = Stream.of(
                Arrays.stream(AuditEvent.values()).map(e -> "event." + e),
                Arrays.stream(Outcome.values()).map(o -> "outcome." + o),
                Arrays.stream(BreakReason.values()).map(r -> "reason." + r)).flatMap(s -> s);
        Set<String> present = keys(Locale.ENGLISH);
        needed.forEach(key -> assertTrue(present.contains(key), key));
    }
}
