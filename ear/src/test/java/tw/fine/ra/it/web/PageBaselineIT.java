package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.TestData;

/** The baseline every page copies, tried in headless Chromium as a new user would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageBaselineIT {

    private static final String UBN = "24536806";
    private static final String FAILED = "帳號或密碼錯誤";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    private String create(String query) {
        return http.testAccount(query);
    }

    /** How many sign-outs of the account the audit trail holds with that detail. */
    private String signOutsOf(String login, String detail) {
        return http.get(Http.https("/test/accounts?audited=SIGN_OUT&subject=" + login + "&detail=" + detail)).body();
    }

    @Test
    void thePasswordPolicyNamesTheMinimumLengthInBothLanguages() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            assertEquals("/app/password.xhtml", browser.path());
            assertTrue(browser.text("#policy").contains("至少 10 個字元"), browser.text("#policy"));
            browser.submit("chrome:lang-en");
            assertTrue(browser.text("#policy").contains("at least 10 characters"), browser.text("#policy"));
        }
    }

    @Test
    void aSignInErrorShowsOnce() {
        try (Browser browser = new Browser()) {
            browser.signIn("/login.xhtml", "nobody-at-all", "Wrong2026pw");
            long shown = browser.driver().findElements(By.cssSelector(".ui-messages-error-summary")).stream()
                    .filter(e -> e.getText().contains(FAILED)).count();
            assertEquals(1, shown, browser.pageText());
        }
    }

    @Test
    void aNewCaptchaKeepsTheTypedAccountAndPassword() {
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.type("signin:login", "70759028-00-0001");
            browser.type("signin:password", "Typed2026pw");
            String before = browser.find("#signin\\:captcha-image").getAttribute("src");
            browser.click("signin:captcha-refresh");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    !before.equals(d.findElement(By.id("signin:captcha-image")).getAttribute("src")));
            assertEquals("70759028-00-0001", browser.find("#signin\\:login").getAttribute("value"));
            assertEquals("Typed2026pw", browser.find("#signin\\:password").getAttribute("value"));
        }
    }

    @Test
    void theStaffSignInAsksForTheStaffAccount() {
        try (Browser browser = new Browser()) {
            browser.open("/admin/login.xhtml");
            String label = browser.text("label[for='signin:login']");
            assertFalse(label.contains("用戶識別名稱"), label);
            assertTrue(label.contains("人員帳號"), label);
        }
    }

    @Test
    void signingInToTheSubscriberSiteSignsTheStaffAccountOutAndSaysSo() {
        String clerk = create("role=CLERK");
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            assertEquals("/admin/index.xhtml", browser.path());

            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            assertEquals("/app/password.xhtml", browser.path(), browser.pageText());
            assertEquals(subscriber, browser.text("#chrome\\:user"));
            assertTrue(browser.text("#notice").contains("註冊中心人員帳號已登出"), browser.pageText());
            assertEquals("1", signOutsOf(clerk, "sign-in%20to%20subscriber"));
            browser.open("/admin/index.xhtml");
            assertTrue(browser.pageText().contains("沒有使用此功能的權限"), "the clerk is gone");
        }
    }

    @Test
    void aFailedSignInAfterAnotherAccountStillEndsItAndOffersAFreshForm() {
        String clerk = create("role=CLERK");
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            browser.signIn("/login.xhtml", subscriber, "Wrong2026pw");
            assertEquals("/login.xhtml", browser.path());
            String notice = browser.text("#notice");
            assertTrue(notice.contains("註冊中心人員帳號已登出") && notice.contains(FAILED), notice);
            assertFalse(browser.find("#signin\\:captcha-test-answer").getAttribute("textContent").isBlank(),
                    "a new CAPTCHA");
            assertEquals("1", signOutsOf(clerk, "sign-in%20to%20subscriber"));
            browser.open("/admin/index.xhtml");
            assertEquals("/admin/login.xhtml", browser.path(), "the clerk is signed out");
        }
    }

    @Test
    void theChosenLanguageOutlivesSignOut() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.submit("chrome:lang-en");
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "English2026pw", "English2026pw");
            browser.submit("chrome:sign-out");
            assertEquals("/login.xhtml", browser.path());
            assertEquals("1", signOutsOf(subscriber, "sign-out"));
            assertEquals("en", browser.find("html").getAttribute("lang"));
            assertTrue(browser.text("#signed-out").contains("You have signed out"), browser.pageText());
            assertTrue(browser.pageText().contains("Subscriber sign-in"), browser.pageText());
        }
    }

    @Test
    void theMenuMarksTheCurrentPageAndTheHomePageTellsTheNextStep() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            assertEquals("page", browser.find("#m-password").getAttribute("aria-current"));
            assertNull(browser.find("#m-home").getAttribute("aria-current"));
            browser.changePassword(TestData.PASSWORD, "Menu2026pwd", "Menu2026pwd");
            assertEquals("/app/index.xhtml", browser.path());
            List<String> menu = browser.driver().findElements(By.cssSelector("nav.site-menu a")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("首頁", "憑證申請", "憑證下載", "檢視憑證資訊", "憑證停用／復用", "網站密碼修改"), menu,
                    "SPEC §3 order, only what is built");
            assertEquals("page", browser.find("#m-home").getAttribute("aria-current"));
            assertTrue(browser.text("#no-certificates").contains("沒有憑證"));
            assertTrue(browser.text("#next-step").contains("申請憑證"));
            assertEquals("/app/apply.xhtml", java.net.URI.create(browser.find("#to-apply").getAttribute("href")).getPath());
            assertEquals("main", browser.find("a.skip-link").getAttribute("href").replaceAll(".*#", ""));
            assertTrue(browser.find("link[rel='icon']").getAttribute("href").contains("favicon"));
        }
    }

    @Test
    void anInvalidFieldGetsARedBorder() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            browser.changePassword("", "", "");
            WebElement current = browser.find("#password\\:current");
            assertTrue(current.getAttribute("class").contains("ui-state-error"), current.getAttribute("class"));
            assertEquals("rgba(198, 40, 40, 1)", current.getCssValue("border-top-color"));
        }
    }

    @Test
    void theChineseTextIsDrawnWithTheServedWebFont() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.submit("chrome:lang-en");
            assertEquals(List.of(), textNotInTheWebFont(browser), "the 中文 link of an English page");
            browser.submit("chrome:lang-zh");
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            browser.changePassword("", "", "");
            assertEquals(List.of(), textNotInTheWebFont(browser), "labels, messages and buttons");
            browser.changePassword(TestData.PASSWORD, "Fonts2026pwd", "Fonts2026pwd");
            assertEquals(List.of(), textNotInTheWebFont(browser), "the dashboard and its notice");
            Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.fonts.ready.then(() => done([...document.fonts]
                        .filter(f => f.family.includes('Noto Sans TC') && f.status === 'loaded').length));
                    """);
            assertTrue(((Number) loaded).intValue() > 0, "no Noto Sans TC file loaded");
        }
    }

    /** Visible Chinese text whose first font is not the served Noto Sans TC (a host without CJK fonts shows boxes). */
    @SuppressWarnings("unchecked")
    private static List<String> textNotInTheWebFont(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
                const wrong = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const text = walker.currentNode, element = text.parentElement;
                  if (!cjk.test(text.textContent) || element.getClientRects().length === 0) continue;
                  const font = getComputedStyle(element).fontFamily;
                  if (!font.startsWith('"Noto Sans TC"')) wrong.push(text.textContent.trim() + ' in ' + font);
                }
                return wrong;
                """);
    }
}
