package tw.fine.ra.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.ServerLog;
import tw.fine.ra.it.support.ServerProperties;

/**
 * Test hooks, demo data, the generated key store secret, the placeholder policy OID and localhost
 * addresses exist only in development mode, which the tests' server runs in: switched to production
 * through the management API, the application refuses to start with any of them, and a clean
 * production start disables the demo accounts an earlier demo start left.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevelopmentModeIT {

    private static final String APP = "app";
    private static final List<String> DEMO_SUBSCRIBERS = List.of("70759028-00-0001", "70759028-00-0002");
    private static final List<String> DEMO_STAFF = List.of("clerk", "officer", "auditor");

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();
    private ServerProperties server;

    @BeforeEach
    void server() {
        server = new ServerProperties(management);
    }

    @AfterEach
    void restore() {
        server.close();
    }

    private void set(String name, String value) {
        server.set(name, value);
    }

    @Test
    void developmentSettingsOutsideDevelopmentModeRefuseTheStart() {
        ServerLog log = ServerLog.mark();
        set("fine.mode", "production");
        assertThrows(Exception.class, () -> deployer.deploy(APP));
        String logged = log.since();
        for (String named : List.of("FINE_CAPTCHA_TEST_HOOK", "FINE_SITE_URL", "FINE_RA_ORIGINS")) {
            assertTrue(logged.contains(named), "the refusal names " + named);
        }
        assertTrue(logged.contains("FINE RA refuses to start"), "the refusal is logged");
        assertNotEquals(200, http.get(Http.https("/test/accounts?login=x")).statusCode(), "nothing was deployed");
    }

    @Test
    void theCaRefusesThePlaceholderOidLocalUrlsAndTheGeneratedSecretOutsideDevelopmentMode() {
        ServerLog log = ServerLog.mark();
        productionWebSettings();
        set("fine.mode", "production");
        assertThrows(Exception.class, () -> deployer.deploy(APP));
        String logged = log.since();
        for (String named : List.of("FINE_CA_POLICY_OID", "FINE_CA_PUBLIC_URL", "FINE_CA_KEYSTORE_SECRET")) {
            assertTrue(logged.contains(named), "the refusal names " + named);
        }
        assertTrue(!logged.contains("FINE_CAPTCHA_TEST_HOOK"), "the web settings were production ones");
    }

    @Test
    void aProductionStartDisablesTheAccountsADemoStartLeft() throws Exception {
        set("fine.demo-data", "true");
        deployer.deploy(APP);
        try {
            for (String login : concat(DEMO_SUBSCRIBERS, DEMO_STAFF)) {
                AccountsProbe.create(http, "reopen=" + login); // as a fresh demo start leaves them
                assertTrue(state(login).contains("disabled=false"), state(login));
            }
            assertEquals("granted", http.testSignIn(DEMO_SUBSCRIBERS.get(0), "Demo2026sub1"), "a demo start");
        } finally {
            deployer.undeploy(APP);
        }
        set("fine.demo-data", "false");
        productionWebSettings();
        set("fine.ca.policy.oid", "2.16.886.1.100.3.1");
        set("fine.ca.public.url", "http://pki.fine.example.tw/pki");
        set("fine.ca.keystore.secret", Files.readString(generatedSecret()).strip());
        set("fine.mode", "production");
        deployer.deploy(APP);
        try {
            assertEquals("refused", http.testSignIn(DEMO_SUBSCRIBERS.get(0), "Demo2026sub1"), "a production start");
            for (String login : concat(DEMO_SUBSCRIBERS, DEMO_STAFF)) {
                assertTrue(state(login).contains("disabled=true"), state(login));
                assertEquals("1", audited("ACCOUNT_DISABLED", login, "demo account outside development mode"), login);
            }
            assertEquals("1", audited("SIGN_IN", DEMO_SUBSCRIBERS.get(0), "account disabled"),
                    "the refused sign-in says why in the audit trail only");
        } finally {
            deployer.undeploy(APP);
        }
    }

    private String state(String login) {
        return http.get(Http.https("/test/accounts?login=" + login)).body().strip();
    }

    private String audited(String event, String subject, String detail) {
        return http.get(Http.https("/test/accounts?audited=" + event + "&subject=" + subject + "&detail="
                + URLEncoder.encode(detail, StandardCharsets.UTF_8))).body().strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private void productionWebSettings() {
        set("fine.captcha.test-hook", "false");
        set("fine.site.url", "https://ra.fine.example.tw/");
        set("fine.ra.origins", "https://ra.fine.example.tw");
    }

    /** The key store secret the development start generated beside the CA key store. */
    private static Path generatedSecret() throws Exception {
        try (Stream<Path> servers = Files.list(Path.of("target"))) {
            return servers.filter(p -> p.getFileName().toString().startsWith("server"))
                    .map(p -> p.resolve("standalone/data/fine-ca/ca.p12.secret")).filter(Files::isRegularFile)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no generated ca.p12.secret under target/server*"));
        }
    }
}
