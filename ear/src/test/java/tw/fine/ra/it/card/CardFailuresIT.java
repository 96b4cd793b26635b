package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;

/**
 * What the application page does when the agent or the card is not what it needs, in headless
 * Chromium with the real agent jar: each case ends in a precise, localized message and a retry,
 * and a failed attempt leaves nothing that blocks the next one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardFailuresIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void withoutAnAgentThePageSaysStartItAndRetryWorksOnceItRuns() throws Exception {
        try (Browser browser = Applicant.signIn(AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random()))) {
            WebElement application = Applicant.applyAndWait(browser);
            assertEquals("AGENT_UNREACHABLE", application.getAttribute("data-error"));
            assertEquals("本電腦未執行讀卡元件，請啟動後按「重試」。", browser.text("#application-error"));
            assertTrue(browser.find("#retry").isDisplayed());
            browser.open("/app/index.xhtml");
            assertEquals("您尚無註冊中心核發的晶片卡，請洽註冊櫃檯製卡。", browser.text("#no-card"));
        }
    }

    @Test
    void anAgentWhoseJarIsNotSignedOrTooOldIsRefusedBeforeItTouchesTheCard() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        try (Browser browser = Applicant.signIn(subscriber)) {
            try (LocalAgent agent = LocalAgent.start(copyWithoutSignature("0.1.0"), "--simulated")) {
                assertEquals("AGENT_UNSIGNED", Applicant.applyAndWait(browser).getAttribute("data-error"), agent.log());
                assertTrue(browser.text("#application-error").contains("未經正確簽署"));
            }
            try (LocalAgent agent = LocalAgent.start(copyWithoutSignature("0.0.9"), "--simulated")) {
                assertEquals("AGENT_OUTDATED", Applicant.applyAndWait(browser).getAttribute("data-error"), agent.log());
                assertTrue(browser.text("#application-error").contains("版本過舊"));
            }
        }
    }

    /**
     * One card: refused while blank, refused to another subscriber once personalized, a wrong PIN
     * shows the tries left, and after a reload the holder's right PIN completes the application.
     */
    @Test
    void aBlankCardAnotherSubscribersCardAndAWrongPinAreRefusedThenAReloadAndTheRightPinSucceed() throws Exception {
        String holder = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        String other = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-card-pin").resolve("pin");
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString());
                Browser browser = Applicant.signIn(holder)) {
            WebElement application = Applicant.applyAndWait(browser);
            assertFalse("done".equals(application.getAttribute("data-step")), "a blank card is not the holder's");
            String blank = browser.text("#application-error");
            assertFalse(blank.isBlank(), application.getAttribute("data-error"));

            String pin = CardStation.personalizeAsNewClerk(http, holder);
            try (Browser stranger = Applicant.signIn(other)) {
                WebElement refused = Applicant.applyAndWait(stranger);
                assertFalse("done".equals(refused.getAttribute("data-step")), "another subscriber's card");
                assertFalse(stranger.text("#application-error").isBlank(), refused.getAttribute("data-error"));
            }

            Files.writeString(pinFile, pin.equals("000000") ? "111111" : "000000");
            browser.driver().navigate().refresh();
            application = Applicant.applyAndWait(browser);
            assertEquals("PIN_INCORRECT", application.getAttribute("data-error"), agent.log());
            assertEquals("卡片密碼錯誤。 再錯 2 次卡片將鎖卡。", browser.text("#application-error"));

            Files.writeString(pinFile, pin);
            browser.driver().navigate().refresh();
            application = Applicant.applyAndWait(browser);
            assertEquals("done", application.getAttribute("data-step"),
                    application.getAttribute("data-error") + " " + browser.text("#application-error"));

            browser.open("/app/apply.xhtml");
            assertTrue(browser.driver().findElements(By.id("apply")).isEmpty(), "no second application");
            assertTrue(browser.pageText().contains("展期"), browser.pageText());
        }
    }

    /**
     * Three wrong PINs block the card: the page counts the tries down, then says the card is blocked
     * and what to do; the right PIN no longer helps and no certificate was issued.
     */
    @Test
    void threeWrongPinsBlockTheCardAndNoPairIsIssued() throws Exception {
        String holder = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-card-pin").resolve("pin");
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString())) {
            String pin = CardStation.personalizeAsNewClerk(http, holder);
            try (Browser browser = Applicant.signIn(holder)) {
                browser.open("/app/index.xhtml");
                assertEquals("使用中", browser.text("#card-state"), browser.pageText());
                String card = agent.get("/v1/card").replace(" ", "");
                assertTrue(card.contains("\"guid\":\"" + browser.text("#card-number") + "\""), card);
                browser.open("/app/apply.xhtml");
                Files.writeString(pinFile, pin.equals("000000") ? "111111" : "000000");
                for (int left = 2; left >= 1; left--) {
                    WebElement application = Applicant.applyAndWait(browser);
                    assertEquals("PIN_INCORRECT", application.getAttribute("data-error"), agent.log());
                    assertEquals("卡片密碼錯誤。 再錯 " + left + " 次卡片將鎖卡。", browser.text("#application-error"));
                }
                assertEquals("PIN_BLOCKED", Applicant.applyAndWait(browser).getAttribute("data-error"), agent.log());
                assertEquals("卡片密碼連續錯誤三次已鎖卡，請先辦理晶片卡密碼重置後再申請。", browser.text("#application-error"));

                Files.writeString(pinFile, pin);
                assertEquals("PIN_BLOCKED", Applicant.applyAndWait(browser).getAttribute("data-error"), agent.log());
                browser.open("/app/certificates.xhtml");
                assertTrue(browser.driver().findElements(By.cssSelector("a.save-primary")).isEmpty(),
                        browser.pageText());
            }
        }
    }

    /** A copy of the agent jar without its signature files, claiming {@code version}. */
    private static File copyWithoutSignature(String version) throws Exception {
        Path copy = Files.createTempFile("fine-ra-card-agent-", ".jar");
        try (JarFile jar = new JarFile(LocalAgent.JAR)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getEntries().clear();
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.equals(JarFile.MANIFEST_NAME) || name.startsWith("META-INF/")
                            && name.matches("META-INF/[^/]+\\.(SF|RSA|EC|DSA)")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy.toFile();
    }
}
