package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;

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

    private static final String PASSWORD = Applicant.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void aSubscriberAppliesWithTheCardSavesACerSuspendsAndResumesWithTheCardsProof() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-card-pin").resolve("pin");
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString())) {
            Files.writeString(pinFile, CardStation.personalizeAsNewClerk(http, subscriber));
            try (Browser browser = Applicant.signIn(subscriber)) {
                Applicant.apply(browser, agent);
                Path dir = Files.createTempDirectory("fine-card-journey");
                X509Certificate signing = Applicant.saveBothAndVerify(browser, subscriber, dir).signing();
                Files.writeString(dir.resolve("ee.pem"), Applicant.pem(signing.getEncoded()));

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

    private static String ocsp(Path dir) {
        CaFixtures.Result ocsp = CaFixtures.openssl(dir, "ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem",
                "-CAfile", "chain.pem", "-url", Http.http("/pki/ocsp"), "-resp_text");
        assertTrue(ocsp.output().contains("Response verify OK"), ocsp.output());
        return ocsp.output();
    }
}
