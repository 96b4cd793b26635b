package tw.fine.ra.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Settings settings = new Settings();
    private final Map<String, String> saved = new HashMap<>();

    private void set(String property, String value) {
        saved.putIfAbsent(property, System.getProperty(property));
        System.setProperty(property, value);
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    private void publicSite() {
        set("fine.site.url", "https://ra.fine.example.tw/");
        set("fine.ra.origins", "https://ra.fine.example.tw");
        set("fine.captcha.test-hook", "false");
        set("fine.demo-data", "false");
        set("fine.demo.card-folder", "");
    }

    @Test
    void productionIsTheModeUnlessDevelopmentIsSaid() {
        set("fine.mode", "");
        assertFalse(settings.developmentMode());
        set("fine.mode", "Development");
        assertTrue(settings.developmentMode());
        set("fine.mode", "dev");
        assertFalse(settings.developmentMode(), "only the exact word");
    }

    @Test
    void testHooksDemoDataAndLocalAddressesAreDevelopmentOnly() {
        publicSite();
        assertEquals(List.of(), settings.developmentOnlyInUse());
        set("fine.captcha.test-hook", "true");
        set("fine.demo-data", "true");
        set("fine.demo.card-folder", "/tmp/demo-card");
        set("fine.site.url", "https://localhost:8443/");
        set("fine.ra.origins", "https://ra.fine.example.tw, http://127.0.0.1:8080");
        assertEquals(List.of("FINE_CAPTCHA_TEST_HOOK", "FINE_DEMO_DATA", "FINE_DEMO_CARD_FOLDER", "FINE_SITE_URL",
                "FINE_RA_ORIGINS"), settings.developmentOnlyInUse());
    }

    @Test
    void outsideDevelopmentModeTheStartIsRefusedNamingWhatIsInUse() {
        set("fine.mode", "production");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> settings.requireDevelopmentModeFor(List.of("FINE_CAPTCHA_TEST_HOOK", "FINE_DEMO_DATA")));
        assertTrue(refused.getMessage().contains("FINE_CAPTCHA_TEST_HOOK, FINE_DEMO_DATA"), refused.getMessage());
        assertDoesNotThrow(() -> settings.requireDevelopmentModeFor(List.of()));
        set("fine.mode", "development");
        assertDoesNotThrow(() -> settings.requireDevelopmentModeFor(List.of("FINE_CAPTCHA_TEST_HOOK")));
    }

    @Test
    void thisMachineIsLocalhostAndLoopbackOnly() {
        for (String local : List.of("https://localhost:8443/", "http://LOCALHOST", "http://127.0.0.1:8080/pki",
                "http://127.1.2.3", "http://[::1]:8080/", "http://ra.localhost/", "http://0.0.0.0:8080")) {
            assertTrue(Settings.isThisMachine(local), local);
        }
        for (String remote : List.of("https://ra.fine.example.tw/", "http://pki.fine.example.tw/pki",
                "http://localhost.example.tw/", "http://10.0.0.7/", "not a url")) {
            assertFalse(Settings.isThisMachine(remote), remote);
        }
    }
}
