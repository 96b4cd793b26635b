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
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.TestData;

/**
 * The subscriber's certificate lifecycle through the real pages in headless Chromium, with the
 * real signed agent jar and its simulated card: the clerk personalizes the blank card at the
 * station, the PIN from its mailer is what the "holder" types (the agent's scripted PIN file), then
 * the subscriber applies (keys generated and attested on the card, both certificates written),
 * saves a {@code .cer} that OpenSSL chains to the CA, suspends (OCSP: certificateHold) and resumes
 * with the card's proof through the agent (OCSP: good).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardJourneyIT {

    private static final String PASSWORD = "Holder2026pw";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void aSubscriberAppliesWithTheCardSavesACerSuspendsAndResumesWithTheCardsProof() throws Exception {
        String clerk = AccountsProbe.create(http, "role=CLERK");
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-card-pin").resolve("pin");
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString())) {
            CardStation.personalizeAsNewClerk(clerk, subscriber, pinFile);
            try (Browser browser = new Browser()) {
                browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
                browser.changePassword(TestData.PASSWORD, PASSWORD, PASSWORD);

                apply(browser, agent);
                Path dir = Files.createTempDirectory("fine-card-journey");
                X509Certificate signing = saveBothAndVerify(browser, subscriber, dir);
                Files.writeString(dir.resolve("ee.pem"), pem(signing.getEncoded()));

                browser.open("/app/hold.xhtml");
                browser.type("suspend:password", PASSWORD);
                browser.click("suspend:submit");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> browser.find(".ui-confirm-dialog").isDisplayed());
                browser.submit("confirm:yes");
                assertTrue(browser.text("#hold-state").contains("憑證停用中"), browser.pageText());
                String held = ocsp(dir);
                assertTrue(held.contains("ee.pem: revoked") && held.contains("Reason: certificateHold"), held);

                browser.type("resume:password", PASSWORD);
                ((JavascriptExecutor) browser.driver()).executeScript("window.__fineOldPage = true;");
                browser.click("resume:card");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(
                        ((JavascriptExecutor) d).executeScript("return !window.__fineOldPage"
                                + " || !!document.getElementById('resume').dataset.error;")));
                assertTrue(browser.pageText().contains("您的簽章與加密憑證已復用"),
                        browser.pageText() + "\n" + agent.log());
                assertTrue(browser.text("#hold-state").contains("簽章與加密憑證有效"), browser.pageText());
                assertTrue(ocsp(dir).contains("ee.pem: good"));
            }
        }
    }

    /** 憑證申請 from the terms to the done step; both certificates then sit in 9C and 9D of the card. */
    private static void apply(Browser browser, LocalAgent agent) throws Exception {
        browser.open("/app/apply.xhtml");
        browser.click("terms");
        browser.click("apply");
        WebElement application = browser.find("#application");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d ->
                "done".equals(application.getAttribute("data-step")) || application.getAttribute("data-error") != null);
        assertEquals("done", application.getAttribute("data-step"),
                application.getAttribute("data-error") + ": " + browser.text("#application-error") + "\n" + agent.log());
        assertEquals("憑證已寫入卡片，憑證申請完成。", browser.text("#application-status"));
        String card = agent.get("/v1/card").replace(" ", "");
        for (String slot : List.of("9C", "9D")) {
            assertTrue(card.matches("(?s).*\"" + slot + "\":\\{[^}]*\"certificate\":true.*"), slot + " " + card);
        }
    }

    /** Both rows of 檢視憑證資訊 saved as {@code .cer}: each chains to the CA with OpenSSL; answers the signing one. */
    private static X509Certificate saveBothAndVerify(Browser browser, String subscriber, Path dir) throws Exception {
        browser.open("/app/certificates.xhtml");
        Files.write(dir.resolve("chain.pem"), fetch(browser, browser.find("#save-chain").getAttribute("href")));
        String chain = Files.readString(dir.resolve("chain.pem"));
        String end = "-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("issuer.pem"), chain.substring(0, chain.indexOf(end) + end.length()));
        List<WebElement> saves = browser.driver().findElements(By.cssSelector("a.save-primary"));
        assertEquals(2, saves.size(), browser.pageText());
        X509Certificate signing = null;
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
            }
        }
        assertTrue(signing != null, "a signing certificate (digitalSignature) among the two");
        return signing;
    }

    private static String ocsp(Path dir) {
        CaFixtures.Result ocsp = CaFixtures.openssl(dir, "ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem",
                "-CAfile", "chain.pem", "-url", Http.http("/pki/ocsp"), "-resp_text");
        assertTrue(ocsp.output().contains("Response verify OK"), ocsp.output());
        return ocsp.output();
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

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
