package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Screenshots;
import tw.fine.ra.it.support.TestData;

/**
 * The back-office pages in headless Chromium as a clerk and an officer use them: a registration
 * whose mailers wait at the top, a search whose rows lead to the next step, dashboards that count
 * what waits, and approvals that ask before they act.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackOfficePagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    private String create(String query) {
        return AccountsProbe.create(http, query);
    }

    @Test
    void clerkRegistersSearchesAndEntersResetFormsThatAnOfficerDecidesWithConfirmation() {
        String clerk = create("role=CLERK");
        String officer = create("role=OFFICER");
        String ubn = BusinessNumbers.random();
        String first = ubn + "-00-0001";
        String second = ubn + "-00-0002";
        String approved = "PR-" + UUID.randomUUID().toString().substring(0, 8);
        String rejected = "PR-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            browser.open("/admin/index.xhtml");
            assertEquals("0", browser.text("#clerk-pending-count"), "a new clerk has entered nothing");

            register(browser, ubn);
            searchAndEnterReset(browser, ubn, first, approved);
            WebElement firstRow = searchRow(browser, ubn, first);
            assertTrue(firstRow.getText().contains("重新設定申請待審核"), firstRow.getText());
            assertTrue(firstRow.findElements(By.cssSelector("a[href*='subscriber=']")).isEmpty(),
                    "no second reset form while one waits");
            enterResetFromRow(browser, searchRow(browser, ubn, second), second, rejected);

            browser.open("/admin/index.xhtml");
            assertEquals("2", browser.text("#clerk-pending-count"));
            assertTrue(browser.text("#clerk-pending").contains(approved) && browser.text("#clerk-pending").contains(rejected));
            Screenshots.take(browser, "admin-index-clerk");
            browser.submit("chrome:sign-out");

            browser.signIn("/admin/login.xhtml", officer, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Officer2026pw", "Officer2026pw");
            browser.open("/admin/index.xhtml");
            assertTrue(Integer.parseInt(browser.text("#officer-pending-count")) >= 2, browser.text("#officer-pending"));
            Screenshots.take(browser, "admin-index-officer");
            followLink(browser, browser.find("#officer-pending a[href*='approvals']"));
            assertEquals("/admin/approvals.xhtml", browser.path());

            rejectWithAReason(browser, rejected, second);
            approveAfterConfirming(browser, approved, first, "測試銀行 " + ubn);
        }
    }

    private void register(Browser browser, String ubn) {
        browser.open("/admin/register.xhtml");
        browser.type("registration:ubn", ubn);
        browser.type("registration:name", "測試銀行 " + ubn);
        browser.type("registration:contactName", "陳聯絡");
        browser.type("registration:contactEmail", "pki-" + ubn + "@example.com.tw");
        browser.type("registration:contactPhone", "02-2222-3333");
        browser.type("registration:contactAddress", "100 臺北市中正區測試路 1 號");
        browser.submit("registration:submit");
        Screenshots.take(browser, "admin-register-result");

        assertTrue(browser.driver().findElements(By.id("registration:ubn")).isEmpty(),
                "the registered form is gone, not left filled in and active");
        WebElement result = browser.find("[id='mailers']");
        assertTrue(result.getText().contains(ubn), result.getText());
        List<WebElement> downloads = browser.driver().findElements(By.cssSelector("[id^='mailers:'][id$=':download']"));
        assertEquals(2, downloads.size());
        for (WebElement download : downloads) {
            assertTrue(aboveTheFold(browser, download), "every mailer link is visible without scrolling");
        }

        // "register another" asks first: the mailers cannot be downloaded once the page is left
        browser.click("mailers:another");
        waitFor(browser, () -> browser.find(".ui-confirm-dialog").isDisplayed());
        Screenshots.take(browser, "admin-register-another-confirm");
        browser.click("confirm:no");
        waitFor(browser, () -> !browser.find(".ui-confirm-dialog").isDisplayed());
        assertEquals(2, browser.driver().findElements(By.cssSelector("[id^='mailers:'][id$=':download']")).size());
        browser.click("mailers:another");
        waitFor(browser, () -> browser.find(".ui-confirm-dialog").isDisplayed());
        browser.submit("confirm:yes");
        assertEquals("", browser.find("[id='registration:ubn']").getAttribute("value"), "a fresh, empty form");
    }

    private void searchAndEnterReset(Browser browser, String ubn, String subscriber, String form) {
        WebElement row = searchRow(browser, ubn, subscriber);
        assertEquals(1L, lineCount(browser, row, subscriber), "the subscriber ID stays on one line");
        Screenshots.take(browser, "admin-search");
        enterResetFromRow(browser, row, subscriber, form);
    }

    private void enterResetFromRow(Browser browser, WebElement row, String subscriber, String form) {
        followLink(browser, row.findElement(By.cssSelector("a[href*='subscriber=']")));
        assertEquals("/admin/reset-request.xhtml", browser.path());
        assertEquals(subscriber, browser.find("[id='reset:subscriber']").getAttribute("value"), "filled in from the row");
        browser.type("reset:formNumber", form);
        browser.submit("reset:submit");
        assertTrue(browser.pageText().contains(form), browser.pageText());
    }

    private WebElement searchRow(Browser browser, String query, String subscriber) {
        browser.open("/admin/search.xhtml");
        browser.type("search:query", query);
        browser.submit("search:submit");
        return browser.driver().findElements(By.cssSelector("[id='search:rows_data'] tr")).stream()
                .filter(r -> r.getText().contains(subscriber)).findFirst().orElseThrow();
    }

    private void rejectWithAReason(Browser browser, String form, String subscriber) {
        WebElement reason = browser.driver().findElement(By.id("reject-dialog"));
        assertFalse(reason.isDisplayed(), "no reason box until a row is rejected");
        Screenshots.take(browser, "admin-approvals");
        rowButton(browser, form, "reject").click();
        waitFor(browser, () -> browser.find("[id='reject-dialog']").isDisplayed()
                && !browser.driver().findElements(By.id("reject-for")).isEmpty());
        String asked = browser.text("#reject-for");
        assertTrue(asked.contains(form) && asked.contains(subscriber), asked);

        browser.click("reject:submit");
        waitFor(browser, () -> browser.find("[id='reject:reason']").getAttribute("class").contains("ui-state-error"));
        assertTrue(browser.text("[id='reject-dialog']").contains("駁回時須填寫原因"));
        String border = browser.find("[id='reject:reason']").getCssValue("border-top-color");
        assertTrue(border.contains("198, 40, 40"), "an invalid field has a red border, not " + border);
        Screenshots.take(browser, "admin-approvals-reject-dialog");
        browser.type("reject:reason", "簽章與留存印鑑不符");
        browser.click("reject:submit");
        waitFor(browser, () -> !browser.find("[id='reject-dialog']").isDisplayed() && rows(browser).stream()
                .noneMatch(r -> r.getText().contains(form)));
        assertTrue(browser.pageText().contains("已駁回申請書 " + form), browser.pageText());
    }

    private void approveAfterConfirming(Browser browser, String form, String subscriber, String organization) {
        WebElement row = rowOf(browser, form);
        assertTrue(row.getText().contains(organization), "the row names the organization: " + row.getText());
        rowButton(browser, form, "approve").click();
        waitFor(browser, () -> browser.find(".ui-confirm-dialog").isDisplayed());
        String question = browser.text(".ui-confirm-dialog .ui-confirm-dialog-message");
        assertTrue(question.contains(form) && question.contains(subscriber) && question.contains(organization), question);
        Screenshots.take(browser, "admin-approvals-confirm");
        browser.click("confirm:no");
        waitFor(browser, () -> !browser.find(".ui-confirm-dialog").isDisplayed());
        assertTrue(rows(browser).stream().anyMatch(r -> r.getText().contains(form)), "cancelled: the form still waits");

        rowButton(browser, form, "approve").click();
        waitFor(browser, () -> browser.find(".ui-confirm-dialog").isDisplayed());
        browser.submit("confirm:yes");
        assertTrue(browser.pageText().contains("已核准申請書 " + form), browser.pageText());
        assertTrue(aboveTheFold(browser, browser.find("[id='mailer:download']")), "the new mailer is at the top");
        Screenshots.take(browser, "admin-approvals-approved");
        browser.open("/admin/index.xhtml");
        assertFalse(browser.pageText().contains("已核准申請書 " + form), "the message is said once, not again on the next page");
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id='approvals:pending_data'] tr"));
    }

    private static WebElement rowOf(Browser browser, String form) {
        return rows(browser).stream().filter(r -> r.getText().contains(form)).findFirst().orElseThrow();
    }

    private static WebElement rowButton(Browser browser, String form, String action) {
        return rowOf(browser, form).findElement(By.cssSelector("button[id$=':" + action + "']"));
    }

    /** Clicks a link and waits for the page it leads to. */
    private static void followLink(Browser browser, WebElement link) {
        String id = link.getAttribute("id");
        if (id == null || id.isEmpty()) {
            id = "followed-" + UUID.randomUUID();
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].id = arguments[1];", link, id);
        }
        browser.submit(id);
    }

    private static boolean aboveTheFold(Browser browser, WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
    }

    /** How many lines the text takes where it is shown in the element. */
    private static long lineCount(Browser browser, WebElement container, String text) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript("""
                const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  if (walker.currentNode.textContent.trim() === arguments[1]) {
                    const range = document.createRange();
                    range.selectNodeContents(walker.currentNode);
                    return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
                  }
                }
                return -1;""", container, text);
    }

    private static void waitFor(Browser browser, BooleanSupplier condition) {
        // AJAX may replace an element between finding and reading it: look again
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
