package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Mailbox;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.it.support.TestData;

/** What a newcomer does on the real pages in headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserJourneyIT {

    private static final String UBN = "12345686";
    private static final String CONTACT = "contact-" + UBN + "@example.com";
    private static final String FAILED = "帳號或密碼錯誤";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    private String create(String query) {
        return http.testAccount(query);
    }

    private String state(String login) {
        return http.get(Http.https("/test/accounts?login=" + login)).body();
    }

    @Test
    void subscriberChangesPasswordLocksSignInAndClerkAndOfficerResetIt() throws Exception {
        String subscriber = create("subscriberOf=" + UBN);
        String clerk = create("role=CLERK");
        String officer = create("role=OFFICER");
        String newPassword = "Journey2026pw";
        try (Browser browser = new Browser();
                Mailbox smtp = Mailbox.open()) {

            // anonymous → sign-in page; first sign-in → forced password change
            browser.open("/app/index.xhtml");
            assertEquals("/login.xhtml", browser.path());
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            assertEquals("/app/password.xhtml", browser.path());
            assertTrue(browser.text("#forced").contains("修改網站密碼"));
            browser.open("/app/index.xhtml");
            assertEquals("/app/password.xhtml", browser.path(), "nothing else until the password is changed");

            // errors at the fields, then the change
            browser.changePassword(TestData.PASSWORD, newPassword, "Different2026pw");
            assertTrue(browser.pageText().contains("兩次輸入的新密碼不一致"));
            browser.changePassword(TestData.PASSWORD, "short1", "short1");
            assertTrue(browser.pageText().contains("密碼至少須"));
            browser.changePassword(TestData.PASSWORD, newPassword, newPassword);
            assertEquals("/app/index.xhtml", browser.path());
            assertTrue(browser.text("#welcome").contains(subscriber));
            browser.submit("chrome:sign-out");
            assertEquals("/login.xhtml", browser.path());

            // three wrong passwords lock sign-in; the answer never differs
            String unknownAnswer = signInMessage(browser, "nobody-" + UUID.randomUUID(), newPassword);
            for (int i = 0; i < 3; i++) {
                assertEquals(unknownAnswer, signInMessage(browser, subscriber, "Wrong2026pw" + i));
            }
            assertEquals(unknownAnswer, signInMessage(browser, subscriber, newPassword), "locked");
            assertTrue(unknownAnswer.contains(FAILED), unknownAnswer);
            assertTrue(state(subscriber).contains("locked=true"));

            // a clerk enters the paper reset form
            String form = "PR-" + UUID.randomUUID().toString().substring(0, 8);
            browser.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
            assertEquals("/admin/password.xhtml", browser.path());
            browser.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
            browser.open("/app/index.xhtml");
            assertTrue(browser.pageText().contains("沒有使用此功能的權限"), "a clerk is refused the subscriber site");
            browser.open("/admin/approvals.xhtml");
            assertTrue(browser.pageText().contains("沒有使用此功能的權限"), "a clerk cannot approve");
            browser.open("/admin/reset-request.xhtml");
            browser.type("reset:formNumber", form);
            browser.type("reset:subscriber", subscriber);
            browser.submit("reset:submit");
            assertTrue(browser.pageText().contains(form), browser.pageText());
            browser.submit("chrome:sign-out");

            // another person, an officer, approves: unlocked, and the contact gets mail
            browser.signIn("/admin/login.xhtml", officer, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Officer2026pw", "Officer2026pw");
            browser.open("/admin/approvals.xhtml");
            assertTrue(browser.pageText().contains(form));
            String approve = browser.driver().findElements(org.openqa.selenium.By.cssSelector("button[id$=':approve']"))
                    .stream()
                    .filter(b -> b.findElement(org.openqa.selenium.By.xpath("./ancestor::tr")).getText().contains(form))
                    .findFirst().orElseThrow().getAttribute("id");
            browser.click(approve);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> browser.find(".ui-confirm-dialog").isDisplayed());
            browser.submit("confirm:yes");
            assertTrue(browser.pageText().contains("已核准申請書 " + form), browser.pageText());
            assertTrue(state(subscriber).contains("locked=false mustChange=true"), state(subscriber));
            MimeMessage mail = smtp.awaitSubjectContaining("mailer on its way: " + subscriber);
            assertEquals(CONTACT, mail.getAllRecipients()[0].toString());
            assertTrue(mail.getContent().toString().contains(form));
            String initialPassword = Mailers.initialPassword(browser.download("mailer", "mailer:download"))
                    .orElseThrow(() -> new AssertionError("no password in the reset mailer"));
            assertEquals("granted", http.testSignIn(subscriber, initialPassword), "the mailer's password is the new one");
            assertFalse(mail.getContent().toString().contains(initialPassword), "the notice never carries the password");
        }
    }

    @Test
    void subscriberIsRefusedTheBackOffice() {
        String subscriber = create("subscriberOf=" + UBN);
        try (Browser browser = new Browser()) {
            browser.signIn("/admin/login.xhtml", subscriber, TestData.PASSWORD);
            assertTrue(browser.pageText().contains(FAILED), "the back-office sign-in refuses subscribers");
            browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
            browser.changePassword(TestData.PASSWORD, "Refused2026pw", "Refused2026pw");
            browser.open("/admin/index.xhtml");
            assertTrue(browser.pageText().contains("沒有使用此功能的權限"));
        }
    }

    @Test
    void languageSwitchShowsEnglish() {
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            assertTrue(browser.pageText().contains("用戶登入"));
            browser.submit("chrome:lang-en");
            assertTrue(browser.pageText().contains("Subscriber sign-in"), browser.pageText());
        }
    }

    private static String signInMessage(Browser browser, String login, String password) {
        browser.signIn("/login.xhtml", login, password);
        return browser.text("#messages").strip();
    }
}
