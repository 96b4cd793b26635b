package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Axe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.TestData;

/**
 * 憑證下載 through the real pages in headless Chromium with the real signed agent jar: the
 * application's write to the card fails (the browser cannot reach the agent's
 * {@code write-certificate}: Chromium blocks that one URL through the DevTools protocol, as a
 * crashed or unplugged agent would look to the page; no hook in the product), so the pair stays
 * issued but not on the card and the page links to the download; the home page points there too;
 * the download has the card prove both keys, writes both certificates, and afterwards the agent
 * reads them on the card and the certificates table shows them active.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DownloadJourneyIT {

    private static final String PASSWORD = "Holder2026pw";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void aWriteThatFailsDuringTheApplicationIsCompletedByTheDownload() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-card-pin").resolve("pin");
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString())) {
            Files.writeString(pinFile, CardStation.personalizeAsNewClerk(http, subscriber));
            try (Browser browser = new Browser()) {
                browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
                browser.changePassword(TestData.PASSWORD, PASSWORD, PASSWORD);

                applyWhileWritesFail(browser, agent);
                assertSlots(agent, false);

                browser.open("/app/index.xhtml");
                assertTrue(browser.text("#next-step").contains("憑證下載"), browser.pageText());
                assertTrue(browser.find("#to-download").getAttribute("href").endsWith("/app/download.xhtml"));

                browser.open("/app/apply.xhtml");
                assertTrue(browser.driver().findElements(By.id("apply")).isEmpty(), "no second application");
                browser.open("/app/index.xhtml");
                browser.find("#to-download").click();
                assertEquals("/app/download.xhtml", browser.path().replaceFirst("^/[^/]+(?=/app/)", ""));
                List<WebElement> rows = browser.driver().findElements(By.cssSelector("#waiting tbody tr"));
                assertEquals(2, rows.size(), browser.pageText());
                assertTrue(rows.stream().allMatch(r -> r.getText().contains("已核發，尚未寫入晶片卡")), browser.pageText());
                assertEquals(List.of(), Axe.seriousViolations(browser), "the list of waiting certificates");

                assertFalse(browser.find("#retry").isDisplayed(), "no retry before a first try");
                browser.click("write");
                WebElement download = browser.find("#download");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d ->
                        "done".equals(download.getAttribute("data-step")) || download.getAttribute("data-error") != null);
                assertEquals("done", download.getAttribute("data-step"), download.getAttribute("data-error") + ": "
                        + browser.text("#download-error") + "\n" + agent.log());
                assertEquals("憑證已寫入卡片，憑證下載完成。", browser.text("#download-status"));
                assertSlots(agent, true);

                browser.open("/app/certificates.xhtml");
                List<WebElement> table = browser.driver().findElements(By.cssSelector("#certificates tbody tr"));
                assertEquals(2, table.size(), browser.pageText());
                assertTrue(table.stream().allMatch(r -> r.getText().contains("有效")), browser.pageText());
                browser.open("/app/download.xhtml");
                assertTrue(browser.text("#nothing-waiting").contains("沒有等待寫入"), browser.pageText());
                browser.open("/app/index.xhtml");
                assertTrue(browser.text("#certificates").matches(
                        "(?s).*簽章\\s+有效\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*"), browser.text("#certificates"));
            }
        }
    }

    /** 憑證申請 with the agent's write endpoint unreachable: the pair is issued, the page sends to the download. */
    private static void applyWhileWritesFail(Browser browser, LocalAgent agent) throws Exception {
        ChromeDriver chromium = (ChromeDriver) browser.driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/v1/card/write-certificate")));
        try {
            browser.open("/app/apply.xhtml");
            browser.click("terms");
            browser.click("apply");
            WebElement application = browser.find("#application");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d ->
                    "done".equals(application.getAttribute("data-step")) || application.getAttribute("data-error") != null);
            assertEquals("write", application.getAttribute("data-step"), browser.pageText() + "\n" + agent.log());
            assertEquals("true", application.getAttribute("data-download"), browser.pageText());
            assertTrue(browser.find("#to-download").isDisplayed());
            assertTrue(browser.find("#to-download-link").getAttribute("href").endsWith("/app/download.xhtml"));
        } finally {
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    /** Whether the agent reads a certificate in both 9C and 9D of the card. */
    private static void assertSlots(LocalAgent agent, boolean written) throws Exception {
        String card = agent.get("/v1/card").replace(" ", "");
        for (String slot : List.of("9C", "9D")) {
            assertTrue(card.matches("(?s).*\"" + slot + "\":\\{[^}]*\"certificate\":" + written + ".*"), slot + " " + card);
        }
    }
}
