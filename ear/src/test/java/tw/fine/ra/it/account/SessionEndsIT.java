package tw.fine.ra.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.Screenshots;
import tw.fine.ra.it.support.ServerProperties;
import tw.fine.ra.it.support.Mailbox;
import tw.fine.ra.it.support.TestData;

/**
 * A signed-in session ends with what the account went through elsewhere (issue 9 item 8): two
 * browsers signed in to one account, then a password change, a lock, wrong current passwords on
 * the password page; and the absolute session lifetime however busy the session is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionEndsIT {

    private static final String HOME = "/app/index.xhtml";
    private static final String SIGN_IN = "/login.xhtml";
    private static final String ACCOUNT_CHANGED = "此帳號的網站密碼已變更或重新設定，或帳號已暫停登入";
    private static final String ACCOUNT_CHANGED_EN = "Your session has ended: this account's website password";
    private static final String LIFETIME_OVER = "您的登入已達時間上限而結束";
    private static final String LIFETIME = "fine.session.lifetime-seconds";
    private static final String IDLE = "fine.session.idle-seconds";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    @ArquillianResource
    ManagementClient management;

    private final Http http = new Http();

    /** A new subscriber signed in on a new browser, past the first sign-in's password change. */
    private Browser signedIn(String subscriber, String password) {
        Browser browser = new Browser();
        browser.signIn(SIGN_IN, subscriber, password);
        if (browser.path().equals("/app/password.xhtml")) {
            browser.changePassword(password, password + "x", password + "x");
        }
        assertEquals(HOME, browser.path(), browser.pageText());
        return browser;
    }

    private String audited(String subscriber, String detail) {
        return http.get(Http.https("/test/accounts?audited=SIGN_OUT&subject=" + subscriber + "&detail="
                + URLEncoder.encode(detail, StandardCharsets.UTF_8))).body().strip();
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        String password = TestData.PASSWORD + "x";
        try (Browser first = signedIn(subscriber, TestData.PASSWORD); Browser second = signedIn(subscriber, password)) {
            first.open("/app/password.xhtml");
            first.changePassword(password, "Another2026pw", "Another2026pw");
            assertEquals(HOME, first.path(), first.pageText());
            first.open(HOME);
            assertEquals(HOME, first.path(), "the session that changed the password goes on");

            second.open(HOME);
            assertEquals(SIGN_IN, second.path(), "the other browser's session ended");
            assertTrue(second.pageText().contains(ACCOUNT_CHANGED), second.pageText());
            Screenshots.take(second, "signin-session-ended-zh-TW");
            second.open(HOME);
            assertEquals(SIGN_IN, second.path(), "and it stays ended");
            assertEquals("1", audited(subscriber, "session ended: account"));
        }
    }

    /** Issue 9 items 8 and 10: a lock ends the sessions, and the organization's contact is told why. */
    @Test
    void aLockEndsTheSignedInSessionsAndTellsTheContact() throws Exception {
        String ubn = BusinessNumbers.random();
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + ubn);
        try (Browser browser = signedIn(subscriber, TestData.PASSWORD); Mailbox smtp = Mailbox.open()) {
            browser.submit("chrome:lang-en");
            for (int i = 0; i < 3; i++) {
                assertEquals("refused", http.testSignIn(subscriber, "Guess2026pw" + i));
            }
            browser.open(HOME);
            assertEquals(SIGN_IN, browser.path(), "someone guessing the password locked the account");
            Screenshots.take(browser, "signin-session-ended-en");
            assertTrue(browser.pageText().contains(ACCOUNT_CHANGED_EN), "in the language the holder chose: "
                    + browser.pageText());

            MimeMessage notice = smtp.awaitSubjectContaining("sign-in suspended: " + subscriber);
            assertEquals("contact-" + ubn + "@example.com", notice.getAllRecipients()[0].toString());
            String body = notice.getContent().toString();
            assertTrue(body.contains("暫停登入") && body.contains("website password reset form"), body);
            assertEquals(1, smtp.withSubject(notice.getSubject()).size(), "one notice per lock");
        }
    }

    /** Issue 9 item 9: the password page is no guessing oracle. */
    @Test
    void wrongCurrentPasswordsOnThePasswordPageLockTheAccountLikeWrongSignIns() {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        String password = TestData.PASSWORD + "x";
        try (Browser browser = signedIn(subscriber, TestData.PASSWORD)) {
            browser.open("/app/password.xhtml");
            for (int i = 0; i < 2; i++) {
                browser.changePassword("Guess2026pw" + i, "Another2026pw", "Another2026pw");
                assertTrue(browser.pageText().contains("目前的網站密碼不正確"), browser.pageText());
                assertEquals("/app/password.xhtml", browser.path());
            }
            assertTrue(http.get(Http.https("/test/accounts?login=" + subscriber)).body().contains("locked=false"));
            browser.changePassword("Guess2026pw2", "Another2026pw", "Another2026pw");
            assertTrue(http.get(Http.https("/test/accounts?login=" + subscriber)).body().contains("locked=true"),
                    "the third wrong current password locks, as at sign-in");
            assertEquals("refused", http.testSignIn(subscriber, password), "the right password no longer signs in");
            browser.open(HOME);
            assertEquals(SIGN_IN, browser.path(), "and the session ended with the lock");
        }
    }

    @Test
    void aSessionEndsAtItsLifetimeHoweverBusy() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        signedIn(subscriber, TestData.PASSWORD).close(); // past the first sign-in's password change
        try (ServerProperties server = new ServerProperties(management).set(LIFETIME, "6");
                Browser browser = signedIn(subscriber, TestData.PASSWORD + "x")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (browser.path().equals(HOME) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                browser.open(HOME);
            }
            assertEquals(SIGN_IN, browser.path(), "a busy session still ends at its lifetime");
            assertTrue(browser.pageText().contains(LIFETIME_OVER), browser.pageText());
            assertEquals("1", audited(subscriber, "session ended: lifetime"));
        }
    }

    @Test
    void anUnusedSessionEndsAtItsIdleTimeoutAndTheEndIsAudited() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        signedIn(subscriber, TestData.PASSWORD).close(); // past the first sign-in's password change
        String idleEnd = "session ended: idle timeout";
        try (ServerProperties server = new ServerProperties(management).set(IDLE, "3");
                Browser browser = signedIn(subscriber, TestData.PASSWORD + "x")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!audited(subscriber, idleEnd).equals("1") && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            assertEquals("1", audited(subscriber, idleEnd), "the server ends the unused session by itself and records it");
            browser.open(HOME);
            assertEquals(SIGN_IN, browser.path(), "the idle session is gone");
            assertEquals("1", audited(subscriber, idleEnd), "recorded once");
        }
    }
}
