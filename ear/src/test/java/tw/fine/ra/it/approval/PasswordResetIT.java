package tw.fine.ra.it.approval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.approval.boundary.PasswordResets;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.it.support.AliceClerk;
import tw.fine.ra.it.support.AliceOfficer;
import tw.fine.ra.it.support.BobOfficer;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.TestData;
import tw.fine.ra.platform.Refused;

/** Website password reset by paper form with four eyes, in the server. */
@ExtendWith(ArquillianExtension.class)
class PasswordResetIT {

    private static final String UBN = "22099131";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(PasswordResetIT.class);
    }

    @Inject
    PasswordResets resets;

    @Inject
    SignIn signIn;

    @Inject
    TestData data;

    @Inject
    AliceClerk aliceClerk;

    @Inject
    AliceOfficer aliceOfficer;

    @Inject
    BobOfficer bobOfficer;

    private String lockedSubscriber() {
        String id = data.subscriber(UBN);
        for (int i = 0; i < 3; i++) {
            signIn.verify(Role.Area.SUBSCRIBER, id, "wrong".toCharArray(), "-");
        }
        assertTrue(data.find(id).isLocked());
        return id;
    }

    private long enter(String subscriberId, String form) throws Exception {
        return aliceClerk.call(() -> resets.enter(form, subscriberId, LocalDate.now().minusDays(1), "-"));
    }

    @Test
    void officerCannotApproveOwnResetRequest() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        long request = enter(id, form);
        Refused refused = assertThrows(Refused.class, () -> aliceOfficer.call(() -> resets.approve(request, "-")));
        assertEquals("approvals.own-request", refused.messageKey());
        assertTrue(data.find(id).isLocked(), "a refused approval changes nothing");
        assertEquals(1, data.auditCount(AuditEvent.PASSWORD_RESET_APPROVED, form, "approvals.own-request"));
    }

    @Test
    void resetUnlocksPrintsMailerAndQueuesMailToContact() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        long request = enter(id, form);
        String oldHash = data.find(id).getPasswordHash();
        long mailsBefore = data.outboxCount("contact-" + UBN + "@example.com");

        PasswordResets.Approved approved = bobOfficer.call(() -> resets.approve(request, "-"));

        assertEquals(id, approved.subscriberId());
        assertArrayEquals("%PDF".getBytes(), Arrays.copyOf(approved.mailer(), 4));
        var account = data.find(id);
        assertFalse(account.isLocked());
        assertTrue(account.isMustChangePassword());
        assertFalse(oldHash.equals(account.getPasswordHash()), "a new initial password");
        assertTrue(signIn.verify(Role.Area.SUBSCRIBER, id, TestData.PASSWORD.toCharArray(), "-").isEmpty(),
                "the old password no longer works");
        assertEquals(mailsBefore + 1, data.outboxCount("contact-" + UBN + "@example.com"));
        assertThrows(Refused.class, () -> bobOfficer.call(() -> resets.approve(request, "-")),
                "a decided form cannot be decided again");
    }

    @Test
    void resetMailerSaysThePasswordWasResetAndCarriesTheNewPassword() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        long request = enter(id, form);
        PasswordResets.Approved approved = bobOfficer.call(() -> resets.approve(request, "-"));
        String text;
        try (var pdf = Loader.loadPDF(approved.mailer())) {
            text = new PDFTextStripper().getText(pdf);
        }
        String unwrapped = text.replaceAll("\\s+", "");
        assertTrue(unwrapped.contains("網站密碼重新設定函") && unwrapped.contains("hasbeenreset"), text);
        assertFalse(unwrapped.contains("帳號已開立") || unwrapped.contains("hasbeenopened"),
                () -> "a reset mailer must not say the account was opened:\n" + text);
        Matcher line = Pattern.compile("New website password (\\S+)").matcher(text);
        assertTrue(line.find(), text);
        assertTrue(signIn.verify(Role.Area.SUBSCRIBER, id, line.group(1).toCharArray(), "-").isPresent(),
                "the password printed in the reset mailer signs in");
    }

    @Test
    void pendingFormsNameTheSubscribersOrganization() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        enter(id, form);
        PasswordResets.Pending pending = bobOfficer.call(() -> resets.pending()).stream()
                .filter(p -> p.formNumber().equals(form)).findFirst().orElseThrow();
        assertEquals("測試公司 " + UBN, pending.organization());
        assertEquals(UBN, pending.ubn());
        assertEquals(id, pending.subscriberId());
    }

    @Test
    void rejectionIsRecordedAndNeedsAReason() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        long request = enter(id, form);
        Refused noReason = assertThrows(Refused.class, () -> bobOfficer.call(() -> {
            resets.reject(request, " ", "-");
            return null;
        }));
        assertEquals("approvals.reason.required", noReason.messageKey());
        bobOfficer.call(() -> {
            resets.reject(request, "signature does not match", "-");
            return null;
        });
        assertEquals(1, data.auditCount(AuditEvent.PASSWORD_RESET_REJECTED, form, "signature"));
        assertTrue(data.find(id).isLocked(), "rejection leaves the account locked");
    }

    @Test
    void formNumbersAreUniqueAndSubscribersMustExist() throws Exception {
        String id = lockedSubscriber();
        String form = "PR-" + UUID.randomUUID();
        enter(id, form);
        String other = data.subscriber(UBN);
        Refused taken = assertThrows(Refused.class, () -> enter(other, form));
        assertEquals("reset.form-number.taken", taken.messageKey());
        Refused unknown = assertThrows(Refused.class, () -> enter(UBN + "-00-9999", "PR-" + UUID.randomUUID()));
        assertEquals("reset.subscriber.unknown", unknown.messageKey());
    }

    @Test
    void staffResetWorks() throws Exception {
        String auditor = data.account(Role.AUDITOR);
        for (int i = 0; i < 3; i++) {
            signIn.verify(Role.Area.BACK_OFFICE, auditor, "wrong".toCharArray(), "-");
        }
        assertTrue(data.find(auditor).isLocked());
        String form = "PR-" + UUID.randomUUID();
        long request = enter(auditor, form);

        PasswordResets.Approved approved = bobOfficer.call(() -> resets.approve(request, "-"));

        assertFalse(data.find(auditor).isLocked());
        assertTrue(data.find(auditor).isMustChangePassword());
        String text;
        try (var pdf = Loader.loadPDF(approved.mailer())) {
            text = new PDFTextStripper().getText(pdf);
        }
        String unwrapped = text.replaceAll("\\s+", "");
        assertTrue(unwrapped.contains("後台人員網站密碼重新設定函") && unwrapped.contains("稽核人員Auditor")
                && unwrapped.contains("內部遞送"), text);
        assertFalse(unwrapped.contains("統一編號") || unwrapped.contains("貴機構"),
                () -> "a staff letter names no organization:\n" + text);
        Matcher line = Pattern.compile("New website password (\\S+)").matcher(text);
        assertTrue(line.find(), text);
        assertTrue(signIn.verify(Role.Area.BACK_OFFICE, auditor, line.group(1).toCharArray(), "-").isPresent(),
                "the password printed in the staff reset mailer signs in to the back office");
        assertEquals(1, data.auditCount(AuditEvent.PASSWORD_RESET_APPROVED, form, auditor + " (staff) unlocked"));
    }

    @Test
    void nobodyEntersOrApprovesAResetOfTheirOwnAccount() throws Exception {
        data.account("alice", Role.CLERK);
        data.account("bob", Role.OFFICER);
        String own = "PR-" + UUID.randomUUID();
        Refused entered = assertThrows(Refused.class, () -> enter("alice", own));
        assertEquals("reset.own-account", entered.messageKey());
        assertEquals(1, data.auditCount(AuditEvent.PASSWORD_RESET_REQUESTED, own, "reset.own-account"));

        String forBob = "PR-" + UUID.randomUUID();
        long request = enter("bob", forBob);
        String bobsHash = data.find("bob").getPasswordHash();
        Refused approved = assertThrows(Refused.class, () -> bobOfficer.call(() -> resets.approve(request, "-")));
        assertEquals("reset.own-account", approved.messageKey());
        assertEquals(bobsHash, data.find("bob").getPasswordHash(), "a refused approval changes nothing");
        assertTrue(bobOfficer.call(() -> resets.pending()).stream().anyMatch(p -> p.formNumber().equals(forBob)),
                "the form still waits for another officer");
        bobOfficer.call(() -> {
            resets.reject(request, "test: clean up", "-");
            return null;
        });
    }

    @Test
    void aDisabledAccountIsNeverReset() throws Exception {
        String clerk = data.account(Role.CLERK);
        data.disable(clerk);
        Refused refused = assertThrows(Refused.class, () -> enter(clerk, "PR-" + UUID.randomUUID()));
        assertEquals("reset.subscriber.unknown", refused.messageKey());
    }
}
