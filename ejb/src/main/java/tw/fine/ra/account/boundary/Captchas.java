package tw.fine.ra.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import tw.fine.ra.account.control.CaptchaImage;
import tw.fine.ra.account.control.CaptchaText;
import tw.fine.ra.account.entity.CaptchaChallenge;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.Settings;

/**
 * Image CAPTCHAs for the sign-in pages: single use, short-lived, kept in the database so any
 * cluster node can check them. Checked before the password, so guessing passwords needs a person.
 */
@Stateless
public class Captchas {

    private static final int LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CaptchaImage IMAGE = new CaptchaImage(200, 64);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Inject
    AuditTrail audit;

    /** What the page shows; {@code answer} is filled only when the test hook is on. */
    public record Challenge(String id, byte[] png, String answer) {
    }

    public Challenge issue() {
        Instant now = clock.instant();
        purgeExpired(now);
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        String text = CaptchaText.random(LENGTH);
        em.persist(new CaptchaChallenge(id, text, now.plus(settings.captchaTtl())));
        return new Challenge(id, IMAGE.png(text), settings.captchaTestHook() ? text : null);
    }

    /**
     * Consumes the challenge whatever the answer: a second try needs a new image. A failure is
     * audited with where it came from (not with the account typed beside it, which a failed
     * CAPTCHA never looks at).
     *
     * @param purpose what the CAPTCHA guarded, e.g. {@code "sign-in SUBSCRIBER"}
     */
    public boolean solve(String id, String answer, String clientAddress, String purpose) {
        String refused = refusal(id, answer);
        if (refused != null) {
            audit.failure(new Actor("-", "-", clientAddress), AuditEvent.CAPTCHA_FAILED, purpose, refused);
        }
        return refused == null;
    }

    private String refusal(String id, String answer) {
        CaptchaChallenge challenge = id == null ? null : em.find(CaptchaChallenge.class, id);
        if (challenge == null) {
            return "no such challenge";
        }
        // only the request that deletes the row may use it, however many arrive at once
        int deleted = em.createQuery("delete from CaptchaChallenge c where c.id = :id")
                .setParameter("id", id).executeUpdate();
        if (deleted != 1) {
            return "already used";
        }
        return challenge.accepts(answer, clock.instant()) ? null : "wrong or expired answer";
    }

    private void purgeExpired(Instant now) {
        em.createQuery("delete from CaptchaChallenge c where c.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
    }
}
