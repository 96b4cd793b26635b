package tw.fine.ra.it.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Axe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Mailbox;
import tw.fine.ra.it.support.TestData;

/**
 * The subscriber's certificate pages in headless Chromium: the pair at a glance on the home page,
 * the table and the saved files, and suspending with the password through the confirmation
 * dialog, after which the app's OCSP responder answers revoked (certificateHold) to openssl.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatePagesIT {

    private static final String UBN = "17784483";
    private static final String CONTACT = "contact-" + UBN + "@example.com";
    private static final String PASSWORD = "Pages2026cert";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class, CertificatesProbe.class, Subscribers.class,
                CaFixtures.class, CaFixtures.Result.class);
    }

    private final Http http = new Http();

    /** A new subscriber with a valid pair on the card; answers the login and the two certificate numbers. */
    private String[] subscriberWithPair() {
        return subscriberWithPair(CaFixtures.ecKeys());
    }

    /** The same, with the signing key the test holds in place of the card's 9C key. */
    private String[] subscriberWithPair(KeyPair card) {
        String login = http.testAccount("subscriberOf=" + UBN);
        String numbers = http.post(Http.https("/test/certificates?pairFor=" + login + "&ubn=" + UBN), Map.of(
                "signing", Base64.getEncoder().encodeToString(CaFixtures.csr(card)),
                "encryption", Base64.getEncoder().encodeToString(CaFixtures.csr(CaFixtures.rsaKeys())))).body().strip();
        String[] n = numbers.split(" ");
        return new String[] {login, n[0], n[1]};
    }

    private Browser signedIn(String login) {
        Browser browser = new Browser();
        browser.signIn("/login.xhtml", login, TestData.PASSWORD);
        browser.changePassword(TestData.PASSWORD, PASSWORD, PASSWORD);
        return browser;
    }

    @Test
    void theTableShowsThePairAndSavesACerThatChainsToTheCaWithOpenssl() throws Exception {
        String[] s = subscriberWithPair();
        String[] other = subscriberWithPair();
        try (Browser browser = signedIn(s[0])) {
            assertTrue(browser.text("#pair-state").contains("簽章與加密憑證有效"), browser.pageText());
            browser.submit("m-certificates");
            assertEquals("/app/certificates.xhtml", browser.path());
            assertEquals("page", browser.find("#m-certificates").getAttribute("aria-current"));
            assertEquals(List.of(), Axe.seriousViolations(browser));

            String table = browser.text("#certificates");
            assertTrue(table.contains(s[0]) && table.contains("簽章") && table.contains("加密") && table.contains("有效"),
                    table);
            assertTrue(!table.contains(other[0]), "only the subscriber's own certificates");
            assertEquals(4, browser.driver().findElements(By.cssSelector("#notes li")).size());

            Map<String, Object> cer = fetch(browser, browser.find("#save-" + s[2]).getAttribute("href"));
            assertEquals(200L, cer.get("status"));
            assertEquals("application/pkix-cert", cer.get("type"));
            byte[] der = Base64.getDecoder().decode((String) cer.get("body"));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            assertTrue(certificate.getSubjectX500Principal().getName().startsWith("CN=" + s[0] + ","));
            assertEquals("attachment; filename=\"" + s[0] + "-encryption-" + certificate.getSerialNumber().toString(16)
                    + ".cer\"", cer.get("disposition"));
            Map<String, Object> chain = fetch(browser, browser.find("#save-chain").getAttribute("href"));
            Path dir = Files.createTempDirectory("fine-pages-cer");
            Files.write(dir.resolve("saved.cer"), der);
            Files.write(dir.resolve("chain.pem"), Base64.getDecoder().decode((String) chain.get("body")));
            assertEquals(0, CaFixtures.openssl(dir, "x509", "-inform", "DER", "-in", "saved.cer", "-out", "saved.pem")
                    .exitCode());
            CaFixtures.Result verify = CaFixtures.openssl(dir, "verify", "-CAfile", "chain.pem", "saved.pem");
            assertTrue(verify.output().contains("saved.pem: OK"), verify.output());

            Map<String, Object> foreign = fetch(browser, Http.https("/app/certificate-file?format=der&number=" + other[1]));
            assertEquals(404L, foreign.get("status"), "another subscriber's certificate is not found");
        }
    }

    @Test
    void suspendThenResumeWithTheCardsProofAndOcspFollowsEachStep() throws Exception {
        KeyPair card = CaFixtures.ecKeys();
        String[] s = subscriberWithPair(card);
        try (Browser browser = signedIn(s[0]);
                Mailbox smtp = Mailbox.open()) {
            browser.submit("m-hold");
            assertEquals("/app/hold.xhtml", browser.path());
            assertEquals(List.of(), Axe.seriousViolations(browser));

            browser.type("suspend:password", "Wrong2026pw");
            confirm(browser);
            assertTrue(browser.pageText().contains("網站密碼錯誤"), browser.pageText());

            browser.type("suspend:password", PASSWORD);
            confirm(browser);
            assertTrue(browser.pageText().contains("您的簽章與加密憑證已停用"), browser.pageText());
            assertTrue(browser.text("#hold-state").contains("憑證停用中"));
            assertTrue(browser.find("#resume\\:password").isDisplayed(), "the resume step is offered");
            assertEquals(List.of(), Axe.seriousViolations(browser));

            MimeMessage mail = smtp.awaitSubjectContaining(s[0]);
            assertEquals(CONTACT, mail.getAllRecipients()[0].toString());
            assertTrue(mail.getSubject().contains("憑證停用"), mail.getSubject());

            Path dir = Files.createTempDirectory("fine-pages-ocsp");
            Map<String, Object> cer = fetch(browser, Http.https("/app/certificate-file?format=pem&number=" + s[1]));
            Files.write(dir.resolve("ee.pem"), Base64.getDecoder().decode((String) cer.get("body")));
            String chain = new String(Base64.getDecoder().decode((String) fetch(browser,
                    Http.https("/app/certificate-file?format=chain")).get("body")), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("issuer.pem"), chain.substring(0, chain.indexOf("-----END CERTIFICATE-----")
                    + "-----END CERTIFICATE-----\n".length()));
            Files.writeString(dir.resolve("chain.pem"), chain);
            String held = ocsp(dir);
            assertTrue(held.contains("ee.pem: revoked") && held.contains("Reason: certificateHold"), held);

            browser.submit("m-home");
            assertTrue(browser.text("#pair-state").contains("憑證停用中"));
            assertTrue(browser.text("#next-step").contains("復用"), browser.text("#next-step"));
            assertEquals(List.of(), Axe.seriousViolations(browser));

            // resume: the password, then the card step's signature as the agent makes it (no agent runs here:
            // CardJourneyIT resumes through the real one)
            browser.submit("to-hold");
            browser.type("resume:password", PASSWORD);
            browser.click("resume:card");
            WebElement step = new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(
                    org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                        WebElement e = d.findElement(By.id("resume:card-step"));
                        return e.getAttribute("data-nonce").isEmpty() ? null : e;
                    });
            assertEquals("9C", step.getAttribute("data-slot"));
            assertFalse(step.getAttribute("data-ticket").isEmpty());
            byte[] proof = CertificateLifecycleIT.cardSigns(card, Http.https(""), step.getAttribute("data-nonce"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById(arguments[0]).value = arguments[1];",
                    step.getAttribute("data-signature-field"), Base64.getEncoder().encodeToString(proof));
            browser.submit(step.getAttribute("data-submit"));
            assertTrue(browser.pageText().contains("您的簽章與加密憑證已復用"), browser.pageText());
            assertTrue(browser.text("#hold-state").contains("簽章與加密憑證有效"));
            assertEquals(List.of(), Axe.seriousViolations(browser));
            assertTrue(ocsp(dir).contains("ee.pem: good"));
            assertTrue(smtp.awaitSubjectContaining("resumed: " + s[0]).getSubject().contains("憑證復用"));
        }
    }

    private static String ocsp(Path dir) {
        CaFixtures.Result ocsp = CaFixtures.openssl(dir, "ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem",
                "-CAfile", "chain.pem", "-url", Http.http("/pki/ocsp"), "-resp_text");
        assertTrue(ocsp.output().contains("Response verify OK"), ocsp.output());
        return ocsp.output();
    }

    private static void confirm(Browser browser) {
        browser.click("suspend:submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> browser.find(".ui-confirm-dialog").isDisplayed());
        browser.submit("confirm:yes");
    }

    /** GETs an address with the page's session, as a click on a save link does; status, headers and body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String url) {
        return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  let s = ''; new Uint8Array(await r.arrayBuffer()).forEach(x => s += String.fromCharCode(x));
                  done({status: r.status, type: r.headers.get('Content-Type'),
                        disposition: r.headers.get('Content-Disposition'), body: btoa(s)});
                }).catch(e => done({status: -1, type: String(e)}));
                """, url);
    }
}
