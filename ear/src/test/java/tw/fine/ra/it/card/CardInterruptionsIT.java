package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.Pcscd;
import tw.fine.ra.it.support.ServerProperties;
import tw.fine.ra.it.support.VpcdRelay;

/**
 * What the application page does when the card leaves the reader in the middle of a command, and
 * when a step's ticket expires while the holder keeps the agent waiting: over the operating
 * system's PC/SC stack (pcscd + vpcd), with the real agent jar whose card reaches the reader through
 * a {@link VpcdRelay}, the test's hand on the card. Each ends in the page's own message and a retry
 * that completes the application, and the failed attempt issued nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardInterruptionsIT {

    private static final String TICKET_SECONDS = "fine.card.ticket-seconds";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    @ArquillianResource
    ManagementClient management;

    private final Http http = new Http();

    @Test
    void aCardPulledWhileItGeneratesTheEncryptionKeyIsSaidSoAndRetryAfterReinsertingCompletes() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        try (Rig rig = Rig.personalizedFor(http, subscriber, "card-pulled");
                Browser browser = Applicant.signIn(subscriber)) {
            rig.hand.pullOn(VpcdRelay.generateKey(0x9D));
            WebElement application = Applicant.applyAndWait(browser);
            assertTrue(rig.hand.pulled(Duration.ofSeconds(1)), "the page failed before the card was pulled: "
                    + application.getAttribute("data-error"));
            assertEquals("CARD_REMOVED", application.getAttribute("data-error"), rig.agent.log());
            assertEquals("作業中卡片被移除，請重新插入後按「重試」。", browser.text("#application-error"));
            assertTrue(browser.find("#retry").isDisplayed());
            assertNothingIssued(browser);

            rig.hand.insert();
            rig.agent.awaitCardInAReader(Duration.ofSeconds(10));
            rig.retryCompletes(browser, subscriber);
        }
    }

    /**
     * The tickets of the key steps are issued together once the card proved its management key; the
     * holder then keeps the first PIN dialog open longer than they live (here the relay keeps the PIN
     * from the card while the server's ticket lifetime is set to one second; the agent allows 30 s of
     * clock difference on top), so the next step's ticket has expired when it reaches the agent.
     */
    @Test
    void aStepWhoseTicketExpiredWhileTheHolderWaitedIsSaidSoAndRetryCompletes() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        try (Rig rig = Rig.personalizedFor(http, subscriber, "ticket-expired");
                Browser browser = Applicant.signIn(subscriber)) {
            WebElement application;
            try (ServerProperties server = new ServerProperties(management).set(TICKET_SECONDS, "1")) {
                rig.hand.holdOn(VpcdRelay.verifyPin(), TicketVerifier.CLOCK_SKEW.plusSeconds(3));
                application = Applicant.applyAndWait(browser);
            } finally {
                rig.hand.holdOn(apdu -> false, Duration.ZERO);
            }
            assertEquals("TICKET_EXPIRED", application.getAttribute("data-error"), rig.agent.log());
            assertEquals("這個步驟等候過久，授權已逾時。請按「重試」重新開始。", browser.text("#application-error"));
            assertNothingIssued(browser);

            rig.retryCompletes(browser, subscriber);
        }
    }

    /**
     * pcscd behind a relay the test's hand controls, the signed agent on it with a card personalized
     * for the subscriber at the counter (its PIN in the agent's scripted PIN file).
     */
    private record Rig(Path dir, Pcscd pcscd, VpcdRelay hand, LocalAgent agent) implements AutoCloseable {

        static Rig personalizedFor(Http http, String subscriber, String name) throws Exception {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), name);
            Path pinFile = dir.resolve("pin");
            Pcscd pcscd = Pcscd.startBehindRelay(dir);
            VpcdRelay hand = null;
            LocalAgent agent = null;
            try {
                hand = VpcdRelay.open();
                agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                        "--scripted-pin-file", pinFile.toString(), "--vpcd", hand.address());
                hand.insert();
                Files.writeString(pinFile, CardStation.personalizeAsNewClerk(http, subscriber));
                return new Rig(dir, pcscd, hand, agent);
            } catch (Exception | Error e) {
                new Rig(dir, pcscd, hand, agent).close();
                throw e;
            }
        }

        /** Retry on the page completes the application, and both certificates verify. */
        void retryCompletes(Browser browser, String subscriber) throws Exception {
            WebElement application = Applicant.applyAndWait(browser);
            assertEquals("done", application.getAttribute("data-step"),
                    application.getAttribute("data-error") + " " + browser.text("#application-error") + "\n"
                            + agent.log() + pcscd.log());
            Applicant.saveBothAndVerify(browser, subscriber, dir);
        }

        @Override
        public void close() throws Exception {
            try (Pcscd p = pcscd; VpcdRelay h = hand; LocalAgent a = agent) {
                // closed in reverse order: agent, relay, pcscd
            }
        }
    }

    /** 檢視憑證資訊, in a second tab (the first keeps its retry), lists no certificate. */
    private static void assertNothingIssued(Browser browser) {
        WebDriver driver = browser.driver();
        String application = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            browser.open("/app/certificates.xhtml");
            assertTrue(driver.findElements(By.cssSelector("a.save-primary")).isEmpty(), browser.pageText());
        } finally {
            driver.close();
            driver.switchTo().window(application);
        }
    }
}
