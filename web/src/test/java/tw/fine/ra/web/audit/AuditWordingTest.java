package tw.fine.ra.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The stored roles and details as an auditor reads them in Chinese and in English. */
class AuditWordingTest {

    private final AuditWording zh = new AuditWording(Locale.TAIWAN);
    private final AuditWording en = new AuditWording(Locale.ENGLISH);

    @Test
    void rolesAreTranslated() {
        assertEquals("承辦人員", zh.role("CLERK"));
        assertEquals("系統", zh.role("SYSTEM"));
        assertEquals("Officer", en.role("OFFICER"));
        assertEquals("-", zh.role("-"), "no role is shown as stored");
    }

    @Test
    void aRefusalsMessageKeyReadsAsTheMessage() {
        assertEquals("此申請書編號已登錄。", zh.detail("reset.form-number.taken"));
        assertEquals("This form number has already been entered.", en.detail("reset.form-number.taken"));
    }

    @Test
    void signInDetailsNameTheAreaInTheReadersLanguage() {
        assertEquals("用戶網站", zh.detail("SUBSCRIBER"));
        assertEquals("back office", en.detail("BACK_OFFICE"));
        assertEquals("此帳號不得登入註冊中心作業", zh.detail("wrong area BACK_OFFICE"));
        assertEquals("密碼錯誤（連續第 2 次）", zh.detail("wrong password 2"));
        assertEquals("帳號不存在", zh.detail("unknown account"));
        assertEquals("3 consecutive wrong passwords", en.detail("3 consecutive wrong passwords"));
    }

    @Test
    void aFailedPasswordChangeListsItsFields() {
        assertEquals("目前的密碼不正確；兩次輸入的新密碼不一致", zh.detail("current,confirmation"));
        assertEquals("the new password breaks the password rules", en.detail("proposed"));
    }

    @Test
    void approvalsReadAsSentences() {
        assertEquals("70759028-00-0001 已解除暫停登入、列印新網站密碼函並通知聯絡人",
                zh.detail("70759028-00-0001 unlocked, mailer printed, contact notified"));
    }

    @Test
    void verificationsAndExportsReadAsSentences() {
        assertEquals("稽核軌跡完整，已驗證至第 168 筆", zh.detail("intact up to seq 168"));
        assertEquals("broken at record 7: a sequence number is missing or out of place (deleted or renumbered)",
                en.detail("broken at seq 7: SEQUENCE_GAP"));
        assertEquals("12 records exported (from=* to=* actor=clerk event=* outcome=*)",
                en.detail("rows=12 from=* to=* actor=clerk event=* outcome=*"));
    }

    @Test
    void freeTextIsShownAsStored() {
        assertEquals("範例科技股份有限公司", zh.detail("範例科技股份有限公司"));
        assertEquals("not a key.at all", zh.detail("not a key.at all"));
        assertEquals("unknown.key", en.detail("unknown.key"), "a dotted word that is no message stays");
        assertEquals("", en.detail(null));
    }
}
