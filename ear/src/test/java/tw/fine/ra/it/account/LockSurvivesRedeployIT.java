package tw.fine.ra.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.TestData;

/** The sign-in lock lives in the database: taking the application down and up keeps it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LockSurvivesRedeployIT {

    private static final String APP = "app";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    private String post(String query) {
        return http.testAccount(query);
    }

    private String signIn(String login, String password) {
        return http.testSignIn(login, password);
    }

    @Test
    void lockSurvivesRedeploy() {
        deployer.deploy(APP);
        try {
            String login = post("role=SUBSCRIBER");
            for (int i = 0; i < 3; i++) {
                assertEquals("refused", signIn(login, "wrong-" + i));
            }
            deployer.undeploy(APP);
            deployer.deploy(APP);
            assertTrue(http.get(Http.https("/test/accounts?login=" + login)).body().contains("locked=true"));
            assertEquals("refused", signIn(login, TestData.PASSWORD), "still locked after the redeploy");
        } finally {
            deployer.undeploy(APP);
        }
    }
}
