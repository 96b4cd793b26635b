package tw.fine.ra.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.TestData;

/** The auditor's page in headless Chromium: the trail in Taipei time, a filter, export and verification. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void auditorFiltersExportsAndVerifiesTheTrail() {
        String auditor = http.send(HttpRequest.newBuilder(URI.create(Http.https("/test/accounts?role=AUDITOR")))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body().strip();
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", auditor, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Auditor2026pw", "Auditor2026pw");
            browser.open("/admin/audit.xhtml");
            assertEquals("/admin/audit.xhtml", browser.path());
            assertTrue(browser.text("h1").contains("稽核軌跡"));

            // only this auditor's records: the sign-in and the password change, newest first
            browser.type("audit:actor", auditor);
            browser.click("audit:search");
            waitFor(browser, () -> rows(browser).size() == 2 && rows(browser).get(0).contains("密碼修改"));
            assertTrue(rows(browser).get(1).contains("登入") && rows(browser).get(1).contains("成功"), rows(browser)::toString);
            assertTrue(rows(browser).get(1).matches("(?s).*20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"), rows(browser)::toString);

            browser.click("audit:verify");
            waitFor(browser, () -> !browser.driver().findElements(By.id("audit:intact")).isEmpty());
            assertTrue(browser.text("#audit\\:intact").startsWith("稽核軌跡完整"), browser.text("#audit\\:intact"));

            // the export runs through the page and is itself recorded, as is the verification
            browser.click("audit:export");
            // the download is written while the page stays; search again until its record shows
            waitFor(browser, () -> {
                if (rows(browser).size() == 4 && rows(browser).get(0).contains("稽核軌跡匯出")) {
                    return true;
                }
                browser.click("audit:search");
                return false;
            });
            assertTrue(rows(browser).get(1).contains("稽核軌跡驗證"), rows(browser)::toString);
        }
    }

    /** The table's rows as text, read in one script call: AJAX may replace the rows between two reads. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll(\"[id='audit:records_data'] tr\")).map(r => r.innerText)");
    }

    private static void waitFor(Browser browser, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }
}
