package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.it.support.TestData;

/** The RA counter's card station page, as a clerk uses it with the card-station agent. */
final class CardStation {

    private CardStation() {
    }

    /** A new clerk signs in at the counter and personalizes the blank card for the subscriber; its PIN. */
    static String personalizeAsNewClerk(Http http, String subscriber) {
        String clerk = AccountsProbe.create(http, "role=CLERK");
        try (Browser station = new Browser()) {
            station.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            station.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            return personalize(station, subscriber);
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
        // The progress list is re-rendered as the steps go: an element found a moment ago may be gone.
        new WebDriverWait(clerk.driver(), Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElements(By.id("station:mailer")).isEmpty()
                || d.findElement(By.id("progress")).getAttribute("class").contains("error"));
        assertTrue(!clerk.driver().findElements(By.id("station:mailer")).isEmpty(), clerk.pageText());
        String pin = Mailers.cardPin(clerk.download("station", "station:mailer")).orElseThrow();
        assertTrue(pin.matches("\\d{6,8}"), pin);
        return pin;
    }
}
