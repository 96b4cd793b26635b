package tw.fine.ra.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Screenshots;
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
        String auditor = AccountsProbe.create(http, "role=AUDITOR");
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
            assertTrue(browser.text("#audit\\:intact").contains("稽核軌跡完整"), browser.text("#audit\\:intact"));

            // the export runs through the page and is itself recorded (when it starts and when it
            // ends), as is the verification
            browser.click("audit:export");
            // the download is written while the page stays; search again until its record shows
            waitFor(browser, () -> {
                if (rows(browser).size() == 5 && rows(browser).get(0).contains("稽核軌跡匯出")) {
                    return true;
                }
                browser.click("audit:search");
                return false;
            });
            // recorded when it starts too, so an export that breaks off still shows
            assertTrue(rows(browser).get(1).contains("開始匯出"), rows(browser)::toString);
            assertTrue(rows(browser).get(2).contains("稽核軌跡驗證"), rows(browser)::toString);
        }
    }

    @Test
    void theTrailFitsTheWindowReadsInChineseAndTakesTypedDates() {
        String auditor = AccountsProbe.create(http, "role=AUDITOR");
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", auditor, TestData.PASSWORD);
            browser.changePassword("Wrong2026pw", "Auditor2026pw", "Auditor2026pw");
            browser.changePassword(TestData.PASSWORD, "Auditor2026pw", "Auditor2026pw");
            browser.open("/admin/index.xhtml");
            assertTrue(Long.parseLong(browser.text("#auditor-today-count")) >= 3, browser.text("#auditor-today"));
            Screenshots.take(browser, "admin-index-auditor");
            browser.open("/admin/audit.xhtml");
            browser.type("audit:actor", auditor);
            browser.click("audit:search");
            waitFor(browser, () -> rows(browser).size() == 3);
            String all = String.join("\n", rows(browser));
            // roles, areas and details in the page's language, not as stored
            assertTrue(all.contains("稽核人員") && !all.contains("AUDITOR"), all);
            assertTrue(all.contains("註冊中心作業") && !all.contains("BACK_OFFICE"), all);
            assertTrue(all.contains("目前的密碼不正確") && all.contains("密碼已修改"), all);
            Screenshots.take(browser, "admin-audit");

            // nothing is cut: the table fits the window and each hash is shown whole
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            assertTrue((Boolean) js.executeScript("const t = document.querySelector(\"[id='audit:records'] table\");"
                    + " return t.getBoundingClientRect().right <= document.documentElement.clientWidth;"),
                    "the table ends inside the window");
            assertEquals(0L, js.executeScript("return Array.from(document.querySelectorAll(\"[id='audit:records_data'] td\"))"
                    + ".filter(td => td.scrollWidth > td.clientWidth + 1).length;"), "no cell cuts its content");
            String hash = browser.find("[id='audit:records_data'] tr code").getText();
            assertTrue(hash.matches("[0-9a-f]{64}"), hash);
            // the three buttons keep apart
            double gap = ((Number) js.executeScript("return document.getElementById('audit:export').getBoundingClientRect().left"
                    + " - document.getElementById('audit:search').getBoundingClientRect().right;")).doubleValue();
            assertTrue(gap >= 8, "buttons " + gap + " px apart");

            // a typed date filters; a typed non-date is refused at the field, with a red border
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
            retype(browser, "audit:from_input", today.plusDays(1).toString());
            browser.click("audit:search");
            waitFor(browser, () -> rows(browser).size() == 1 && rows(browser).get(0).contains("沒有符合條件的紀錄"));
            retype(browser, "audit:from_input", today.toString());
            retype(browser, "audit:to_input", today.toString());
            browser.click("audit:search");
            waitFor(browser, () -> rows(browser).size() == 3);
            retype(browser, "audit:from_input", "next week");
            browser.click("audit:search");
            waitFor(browser, () -> browser.find("[id='audit:from_input']").getAttribute("class").contains("ui-state-error"));
            String border = browser.find("[id='audit:from_input']").getCssValue("border-top-color");
            assertTrue(border.contains("198, 40, 40"), "a red border, not " + border);
            retype(browser, "audit:from_input", "");

            // the calendar opens from its button, below its input, not over it
            browser.find("[id='audit:from'] .ui-datepicker-trigger").click();
            waitFor(browser, () -> browser.find("[id='audit:from_panel']").isDisplayed());
            assertTrue((Boolean) js.executeScript("const i = document.getElementById('audit:from_input').getBoundingClientRect();"
                    + " const p = document.getElementById('audit:from_panel').getBoundingClientRect();"
                    + " return p.top >= i.bottom - 1 || p.bottom <= i.top + 1;"), "the calendar covers its input");
            Screenshots.take(browser, "admin-audit-calendar");
            browser.find("[id='audit:from'] .ui-datepicker-trigger").click();
            waitFor(browser, () -> !browser.find("[id='audit:from_panel']").isDisplayed());

            // verification answers with a styled success message
            browser.click("audit:verify");
            waitFor(browser, () -> !browser.driver().findElements(By.id("audit:intact")).isEmpty());
            WebElement verdict = browser.find("[id='audit:intact']");
            assertTrue(verdict.getText().contains("驗證成功"), verdict.getText());
            assertTrue(verdict.getAttribute("class").contains("bo-verdict-ok"));
            assertFalse("rgba(0, 0, 0, 0)".equals(verdict.getCssValue("background-color")), "a coloured box");
            Screenshots.take(browser, "admin-audit-verified");

            // the auditor's home page now shows this verification as the last one
            browser.open("/admin/index.xhtml");
            String last = browser.text("#last-verification");
            assertTrue(last.contains(auditor) && last.contains("完整"), last);
        }
    }

    /** The table's rows as text, read in one script call: AJAX may replace the rows between two reads. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll(\"[id='audit:records_data'] tr\")).map(r => r.innerText)");
    }

    /** Types over what a field holds, as a person does: select all, then type. */
    private static void retype(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text.isEmpty() ? Keys.BACK_SPACE.toString() : text);
    }

    private static void waitFor(Browser browser, java.util.function.BooleanSupplier condition) {
        try {
            // AJAX may replace an element between finding and reading it: look again
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            Screenshots.take(browser, "failed-audit");
            throw new AssertionError("waited in vain; the page shows " + browser.pageText(), e);
        }
    }
}
