package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.Mailers;

/** The RA counter's card station page, as a clerk uses it with the card-station agent. */
final class CardStation {

    private CardStation() {
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
        // the page re-renders the progress list while it waits: a stale list is read again
        new WebDriverWait(clerk.driver(), Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElements(By.id("station:mailer")).isEmpty()
                || d.findElement(By.id("progress")).getAttribute("class").contains("error"));
        assertTrue(!clerk.driver().findElements(By.id("station:mailer")).isEmpty(), clerk.pageText());
        String pin = Mailers.cardPin(clerk.download("station", "station:mailer")).orElseThrow();
        assertTrue(pin.matches("\\d{6,8}"), pin);
        return pin;
    }
}
