package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.TestData;

/** The subscriber at the browser with the card agent: 憑證申請 and the saved files of 檢視憑證資訊. */
final class Applicant {

    /** The password the subscriber chooses at the first sign-in. */
    static final String PASSWORD = "Holder2026pw";

    /** Both certificates of the issued pair, as saved from 檢視憑證資訊. */
    record Pair(X509Certificate signing, X509Certificate encryption) {
    }

    private Applicant() {
    }

    /** Signs the subscriber in for the first time (new password {@link #PASSWORD}) and opens 憑證申請. */
    static Browser signIn(String login) {
        Browser browser = new Browser();
        browser.signIn("/login.xhtml", login, TestData.PASSWORD);
        browser.changePassword(TestData.PASSWORD, PASSWORD, PASSWORD);
        browser.open("/app/apply.xhtml");
        return browser;
    }

    /** On 憑證申請: ticks the terms, presses apply (or retry) and waits until the application is done or failed. */
    static WebElement applyAndWait(Browser browser) {
        WebElement terms = browser.find("#terms");
        if (!terms.isSelected()) {
            terms.click();
        }
        WebElement retry = browser.find("#retry");
        (retry.isDisplayed() ? retry : browser.find("#apply")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement application = d.findElement(By.id("application"));
                    return "done".equals(application.getAttribute("data-step")) || application.getAttribute("data-error")
                            != null && !browser.text("#application-error").isBlank();
                });
        return browser.find("#application");
    }

    /** 憑證申請 from the terms to the done step; both certificates then sit in 9C and 9D of the agent's card. */
    static void apply(Browser browser, LocalAgent agent) throws Exception {
        browser.open("/app/apply.xhtml");
        WebElement application = applyAndWait(browser);
        assertEquals("done", application.getAttribute("data-step"),
                application.getAttribute("data-error") + ": " + browser.text("#application-error") + "\n" + agent.log());
        assertEquals("憑證已寫入卡片，憑證申請完成。", browser.text("#application-status"));
        String card = agent.get("/v1/card").replace(" ", "");
        for (String slot : List.of("9C", "9D")) {
            assertTrue(card.matches("(?s).*\"" + slot + "\":\\{[^}]*\"certificate\":true.*"), slot + " " + card);
        }
    }

    /**
     * Both rows of 檢視憑證資訊 saved as {@code .cer}: each chains to the CA with OpenSSL. Leaves the
     * chain in {@code chain.pem} and the issuing CA in {@code issuer.pem} of {@code dir}.
     */
    static Pair saveBothAndVerify(Browser browser, String subscriber, Path dir) throws Exception {
        browser.open("/app/certificates.xhtml");
        Files.write(dir.resolve("chain.pem"), fetch(browser, browser.find("#save-chain").getAttribute("href")));
        String chain = Files.readString(dir.resolve("chain.pem"));
        String end = "-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("issuer.pem"), chain.substring(0, chain.indexOf(end) + end.length()));
        List<WebElement> saves = browser.driver().findElements(By.cssSelector("a.save-primary"));
        assertEquals(2, saves.size(), browser.pageText());
        X509Certificate signing = null;
        X509Certificate encryption = null;
        for (WebElement save : saves) {
            byte[] der = fetch(browser, save.getAttribute("href"));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            assertTrue(certificate.getSubjectX500Principal().getName().startsWith("CN=" + subscriber + ","));
            Files.write(dir.resolve("saved.cer"), der);
            assertEquals(0, CaFixtures.openssl(dir, "x509", "-inform", "DER", "-in", "saved.cer", "-out", "saved.pem")
                    .exitCode());
            CaFixtures.Result verify = CaFixtures.openssl(dir, "verify", "-CAfile", "chain.pem", "saved.pem");
            assertTrue(verify.output().contains("saved.pem: OK"), verify.output());
            if (certificate.getKeyUsage()[0]) {
                signing = certificate;
            } else {
                encryption = certificate;
            }
        }
        assertTrue(signing != null && encryption != null, "a signing (digitalSignature) and an encryption certificate");
        return new Pair(signing, encryption);
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    /** GETs a save link with the page's session, as a click does; the body. */
    private static byte[] fetch(Browser browser, String url) {
        Object body = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  if (!r.ok) { done('failed: ' + r.status); return; }
                  let s = ''; new Uint8Array(await r.arrayBuffer()).forEach(x => s += String.fromCharCode(x));
                  done(btoa(s));
                }).catch(e => done('failed: ' + e));
                """, url);
        assertTrue(!String.valueOf(body).startsWith("failed"), url + " " + body);
        return Base64.getDecoder().decode((String) body);
    }
}
