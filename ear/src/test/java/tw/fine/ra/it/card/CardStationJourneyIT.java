package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.it.support.TestData;

/**
 * The clerk's personalization page in headless Chromium with the real signed card-station agent
 * ({@code --simulated-blank --allow-personalization}) started by the test, pinning the served ticket key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardStationJourneyIT {

    private static final int AGENT_PORT = Integer.getInteger("it.agent.port", 31621);
    private static final String AGENT = "http://127.0.0.1:" + AGENT_PORT;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void aClerkPersonalizesABlankCardThroughThePageAndTheAgentAndGetsThePinMailer() throws Exception {
        String clerk = AccountsProbe.create(http, "role=CLERK");
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Process agent = startAgent();
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            browser.open("/admin/personalize.xhtml");
            browser.type("search:query", subscriber);
            browser.submit("search:submit");
            browser.submit("search:rows:0:choose");
            browser.type("station:agent", AGENT);
            browser.click("station:start");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d ->
                    !d.findElements(By.id("station:mailer")).isEmpty()
                    || d.findElement(By.id("progress")).getAttribute("class").contains("error"));
            assertTrue(!browser.driver().findElements(By.id("station:mailer")).isEmpty(), browser.pageText());

            String pin = Mailers.cardPin(browser.download("station", "station:mailer")).orElseThrow();
            assertTrue(pin.matches("\\d{6,8}"), pin);
            String card = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(AGENT + "/v1/card")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(card.replace(" ", "").contains("\"personalized\":true"), card);
            assertTrue(card.replace(" ", "").matches("(?s).*\"F9\":\\{[^}]*\"certificate\":true.*"), card);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private Process startAgent() throws Exception {
        HttpResponse<String> pem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + Http.HTTP_PORT + "/pki/ticket-key.pem")).build(),
                HttpResponse.BodyHandlers.ofString());
        Path key = Files.createTempFile("ticket-key", ".pem");
        Files.writeString(key, pem.body());
        File jar = new File("../card-applet-agent/agent/target/fine-ra-card-agent.jar");
        assertTrue(jar.isFile(), "build the agent first: " + jar.getAbsolutePath());
        Path log = Files.createTempFile("agent", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.getPath(), "--simulated-blank", "--allow-personalization",
                "--origin", "https://localhost:" + Http.HTTPS_PORT, "--ticket-key", key.toString(),
                "--port", String.valueOf(AGENT_PORT))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(AGENT + "/v1/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(300);
            }
        }
        process.destroy();
        throw new AssertionError("agent did not start: " + Files.readString(log));
    }
}
