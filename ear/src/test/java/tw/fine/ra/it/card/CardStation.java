package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.it.support.TestData;

/** The RA counter's card station page, as a clerk uses it with the card-station agent. */
final class CardStation {

    private CardStation() {
    }

    /**
     * A new clerk account's first sign-in at the station, then {@link #personalize}: the mailer's
     * PIN goes into {@code pinFile}, which the agent's scripted PIN reads as the holder's typing.
     */
    static void personalizeAsNewClerk(String clerk, String subscriber, Path pinFile) throws IOException {
        try (Browser station = new Browser()) {
            station.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            station.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            Files.writeString(pinFile, personalize(station, subscriber));
        }
    }

    /**
     * Personalizes the blank card in the agent's reader for the subscriber through
     * {@code /admin/personalize.xhtml} (the clerk is signed in) and answers the PIN its mailer shows.
     */
    static String personalize(Browser clerk, String subscriber) {
        clerk.open("/admin/personalize.xhtml");
        clerk.type("search:query", subscriber);
        clerk.submit("search:submit");
        clerk.submit("search:rows:0:choose");
        clerk.type("station:agent", LocalAgent.URL);
        clerk.click("station:start");
        new WebDriverWait(clerk.driver(), Duration.ofSeconds(90)).until(d ->
                !d.findElements(By.id("station:mailer")).isEmpty()
                || d.findElement(By.id("progress")).getAttribute("class").contains("error"));
        assertTrue(!clerk.driver().findElements(By.id("station:mailer")).isEmpty(), clerk.pageText());
        String pin = Mailers.cardPin(clerk.download("station", "station:mailer")).orElseThrow();
        assertTrue(pin.matches("\\d{6,8}"), pin);
        return pin;
    }
}
