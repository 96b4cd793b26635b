package tw.fine.ra.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.account.boundary.Captchas;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.TestData;

/** The sign-in rules, in the server, against the real database. */
@ExtendWith(ArquillianExtension.class)
class SignInRulesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(SignInRulesIT.class);
    }

    @Inject
    SignIn signIn;

    @Inject
    Captchas captchas;

    @Inject
    TestData data;

    @Inject
    PasswordHasher hasher;

    private Optional<SignIn.Granted> attempt(String login, String password) {
        return signIn.verify(Role.Area.SUBSCRIBER, login, password.toCharArray(), "192.0.2.1");
    }

    @Test
    void rightPasswordSignsIn() {
        String login = data.account(Role.SUBSCRIBER);
        Optional<SignIn.Granted> granted = attempt(login, TestData.PASSWORD);
        assertTrue(granted.isPresent());
        assertEquals(Role.SUBSCRIBER, granted.get().role());
        assertEquals(1, data.auditCount(AuditEvent.SIGN_IN, login, "SUBSCRIBER"));
    }

    @Test
    void thirdWrongPasswordLocksSignIn() {
        String login = data.account(Role.SUBSCRIBER);
        assertTrue(attempt(login, "wrong-1").isEmpty());
        assertTrue(attempt(login, "wrong-2").isEmpty());
        assertFalse(data.find(login).isLocked(), "two wrong passwords do not lock");
        assertTrue(attempt(login, "wrong-3").isEmpty());
        assertTrue(data.find(login).isLocked());
        assertTrue(attempt(login, TestData.PASSWORD).isEmpty(), "a locked account refuses the right password");
        assertEquals(1, data.auditCount(AuditEvent.ACCOUNT_LOCKED, login, ""));
    }

    @Test
    void rightPasswordResetsTheCount() {
        String login = data.account(Role.SUBSCRIBER);
        attempt(login, "wrong-1");
        attempt(login, "wrong-2");
        assertTrue(attempt(login, TestData.PASSWORD).isPresent());
        attempt(login, "wrong-3");
        attempt(login, "wrong-4");
        assertFalse(data.find(login).isLocked(), "only consecutive failures count");
    }

    @Test
    void twentyParallelWrongPasswordsEvaluateAtMostThree() throws Exception {
        String login = data.account(Role.SUBSCRIBER);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<SignIn.Granted>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String guess = "guess-" + i;
                Callable<Optional<SignIn.Granted>> task = () -> {
                    start.await();
                    return attempt(login, guess);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Optional<SignIn.Granted>> result : results) {
                assertTrue(result.get().isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, data.find(login).getFailedAttempts());
        assertEquals(3, data.auditCount(AuditEvent.SIGN_IN, login, "wrong password"));
        assertEquals(17, data.auditCount(AuditEvent.SIGN_IN, login, "account locked"));
        assertTrue(attempt(login, TestData.PASSWORD).isEmpty());
    }

    @Test
    void unknownLockedAndWrongAreaAccountsAnswerAndWorkLikeWrongPassword() {
        String locked = data.account(Role.SUBSCRIBER);
        for (int i = 0; i < 3; i++) {
            attempt(locked, "wrong");
        }
        String known = data.account(Role.SUBSCRIBER);
        String clerk = data.account(Role.CLERK);
        Refusal wrong = refusal(() -> attempt(known, "wrong"));
        Refusal unknown = refusal(() -> attempt("nobody-" + System.nanoTime(), TestData.PASSWORD));
        Refusal lockedRight = refusal(() -> attempt(locked, TestData.PASSWORD));
        Refusal wrongArea = refusal(() -> attempt(clerk, TestData.PASSWORD));
        assertEquals(new Refusal(Optional.empty(), 1), wrong, "one Argon2id evaluation for a wrong password");
        assertEquals(wrong, unknown, "an unknown account");
        assertEquals(wrong, lockedRight, "a locked account");
        assertEquals(wrong, wrongArea, "the other area's account");
    }

    /** Issue 9 item 14: a password typed into the account field does not live on in the audit chain. */
    @Test
    void anUnknownTypedAccountIsRecordedOnlyAsADigest() {
        String typed = "Secret" + System.nanoTime() + "pw";
        attempt(typed, "whatever");
        attempt(typed, "whatever");
        assertEquals(0, data.auditMentions(typed), "the typed text is nowhere in the trail");
        assertEquals(0, data.auditMentions(typed.substring(0, 10)), "nor a part of it");
        long before = data.auditMentions("typed:");
        attempt(typed + "x", "whatever");
        assertEquals(before + 1, data.auditMentions("typed:"), "each attempt is recorded, by its digest");
    }

    /** What a caller sees of a sign-in: the answer and how many Argon2id evaluations it cost. */
    private record Refusal(Optional<SignIn.Granted> answer, long evaluations) {
    }

    private Refusal refusal(java.util.function.Supplier<Optional<SignIn.Granted>> signInAttempt) {
        long before = hasher.evaluations();
        Optional<SignIn.Granted> answer = signInAttempt.get();
        return new Refusal(answer, hasher.evaluations() - before);
    }

    @Test
    void staffCannotSignInToTheSubscriberSiteNorSubscribersToTheBackOffice() {
        String clerk = data.account(Role.CLERK);
        String subscriber = data.account(Role.SUBSCRIBER);
        assertTrue(signIn.verify(Role.Area.SUBSCRIBER, clerk, TestData.PASSWORD.toCharArray(), "-").isEmpty());
        assertTrue(signIn.verify(Role.Area.BACK_OFFICE, subscriber, TestData.PASSWORD.toCharArray(), "-").isEmpty());
        assertTrue(signIn.verify(Role.Area.BACK_OFFICE, clerk, TestData.PASSWORD.toCharArray(), "-").isPresent());
    }

    @Test
    void firstSignInForcesPasswordChange() {
        String login = data.account(Role.SUBSCRIBER);
        assertTrue(attempt(login, TestData.PASSWORD).orElseThrow().mustChangePassword());
    }

    @Test
    void captchaIsSingleUseAndEveryFailureIsAudited() {
        String purpose = "test " + System.nanoTime();
        Captchas.Challenge challenge = captchas.issue();
        assertTrue(solve(challenge.id(), challenge.answer().toLowerCase(), purpose), "case does not matter");
        assertEquals(0, data.auditCount(AuditEvent.CAPTCHA_FAILED, purpose, ""), "a solved one is no failure");
        assertFalse(solve(challenge.id(), challenge.answer(), purpose), "a solved CAPTCHA cannot be used again");

        Captchas.Challenge other = captchas.issue();
        assertFalse(solve(other.id(), "WRONG", purpose));
        assertFalse(solve(other.id(), other.answer(), purpose), "a wrong answer uses the CAPTCHA up");
        assertFalse(solve("made-up-id", "ABCDE", purpose));
        assertEquals(4, data.auditCount(AuditEvent.CAPTCHA_FAILED, purpose, ""));
        assertEquals(1, data.auditCount(AuditEvent.CAPTCHA_FAILED, purpose, "wrong or expired answer"));
    }

    private boolean solve(String id, String answer, String purpose) {
        return captchas.solve(id, answer, "192.0.2.1", purpose);
    }
}
