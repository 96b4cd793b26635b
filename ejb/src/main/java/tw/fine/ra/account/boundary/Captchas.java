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

    /** Consumes the challenge whatever the answer: a second try needs a new image. */
    public boolean solve(String id, String answer) {
        if (id == null) {
            return false;
        }
        CaptchaChallenge challenge = em.find(CaptchaChallenge.class, id);
        if (challenge == null) {
            return false;
        }
        // only the request that deletes the row may use it, however many arrive at once
        int deleted = em.createQuery("delete from CaptchaChallenge c where c.id = :id")
                .setParameter("id", id).executeUpdate();
        return deleted == 1 && challenge.accepts(answer, clock.instant());
    }

    private void purgeExpired(Instant now) {
        em.createQuery("delete from CaptchaChallenge c where c.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
    }
}
