package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The clerk's personalization page in headless Chromium with the real signed card-station agent
 * ({@code --simulated-blank --allow-personalization}) started by the test, pinning the served ticket key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardStationJourneyIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void aClerkPersonalizesABlankCardThroughThePageAndTheAgentAndGetsThePinMailer() throws Exception {
        String clerk = AccountsProbe.create(http, "role=CLERK");
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization");
                Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            CardStation.personalize(browser, subscriber);

            String card = agent.get("/v1/card").replace(" ", "");
            assertTrue(card.contains("\"personalized\":true"), card);
            assertTrue(card.matches("(?s).*\"F9\":\\{[^}]*\"certificate\":true.*"), card);
        }
    }
}
