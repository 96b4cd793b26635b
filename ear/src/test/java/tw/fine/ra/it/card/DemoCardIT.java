package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.TestData;

/**
 * The dev runner's demo card ({@code tw.fine.ra.demo.DemoCard}) against the real signed agent jar, started
 * as {@code run.sh} starts it ({@code --simulated-blank --allow-personalization --scripted-pin-file}): the
 * station personalizes the blank card through the counter's boundaries and hands it over, the PIN file
 * it writes is the one the card takes, and the holder applies at once through {@code /app/apply.xhtml}.
 * A second start (new agent, new blank card) retires the first card and revokes the pair on it, and the
 * holder can apply again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoCardIT {

    private static final String PASSWORD = "Holder2026pw";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class, DemoCardProbe.class);
    }

    private final Http http = new Http();

    @Test
    void theDemoStationPersonalizesTheAgentsBlankCardAndItsHolderAppliesAtOnceWithThePinFromTheFile()
            throws Exception {
        String holder = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path folder = Files.createTempDirectory("fine-demo-card");
        String[] agentOptions = {"--simulated-blank", "--allow-personalization", "--scripted-pin-file",
                folder.resolve("pin").toString()};

        String first;
        try (LocalAgent agent = LocalAgent.start(agentOptions)) {
            first = station(holder, folder);
            assertHandedOver(agent, holder, first, folder);
            try (Browser browser = new Browser()) {
                browser.signIn("/login.xhtml", holder, TestData.PASSWORD);
                browser.changePassword(TestData.PASSWORD, PASSWORD, PASSWORD);
                Applicant.apply(browser, agent);
            }
        }

        try (LocalAgent agent = LocalAgent.start(agentOptions)) {
            String second = station(holder, folder);
            assertNotEquals(first, second);
            assertHandedOver(agent, holder, second, folder);
            assertEquals("1", audited("CARD_RETIRED", holder, "card " + first), "the first card retired");
            try (Browser browser = new Browser()) {
                browser.signIn("/login.xhtml", holder, PASSWORD);
                Applicant.apply(browser, agent);
            }
        }
    }

    /** Runs the demo card station for the holder; answers the GUID of the card it handed over. */
    private String station(String holder, Path folder) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create(Http.https(
                "/test/demo-card?subscriber=" + encode(holder) + "&folder=" + encode(folder.toString()))))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    /** The agent's card carries the registered GUID and its F9 certificate; the files say who holds it. */
    private static void assertHandedOver(LocalAgent agent, String holder, String guid, Path folder) throws Exception {
        String card = agent.get("/v1/card").replace(" ", "");
        assertTrue(card.contains("\"personalized\":true"), card);
        assertTrue(card.toUpperCase().contains("\"GUID\":\"" + guid.toUpperCase() + "\""), guid + " " + card);
        assertTrue(card.matches("(?s).*\"F9\":\\{[^}]*\"certificate\":true.*"), card);

        Path pin = folder.resolve("pin");
        assertTrue(Files.readString(pin).matches("\\d{6,8}\\n"), "a PIN of 6 to 8 digits");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pin)));
        assertEquals("subscriber=" + holder + "\nguid=" + guid + "\nstatus=ISSUED_TO_SUBSCRIBER\n",
                Files.readString(folder.resolve("card")));
        assertTrue(Files.readAllBytes(folder.resolve("card-pin-mailer.pdf")).length > 1000, "the PIN mailer");
    }

    private String audited(String event, String subject, String detail) {
        return http.get(Http.https("/test/accounts?audited=" + event + "&subject=" + encode(subject) + "&detail="
                + encode(detail))).body().strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
