package tw.fine.ra.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.Settings;

/**
 * Checks an account name and password for one area of the site. The account row is locked for
 * the whole check, so parallel attempts are evaluated one after the other and the lock after
 * the configured number of consecutive failures cannot be outrun. Unknown, locked and
 * wrong-area accounts do the same hashing work and get the same answer as a wrong password.
 */
@Stateless
public class SignIn {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** A successful sign-in: who, in which role, and whether the password must be changed first. */
    public record Granted(String login, Role role, String displayName, boolean mustChangePassword) {
    }

    /** @return the granted identity, or empty for any failure, whatever its reason */
    public Optional<Granted> verify(Role.Area area, String login, char[] password, String clientAddress) {
        String name = login == null ? "" : login.strip();
        Account account = lockedAccount(name);
        Actor actor = new Actor(name, account == null ? "-" : account.getRole().name(), clientAddress);
        if (account == null || !account.mayEnter(area)) {
            hasher.verifyNothing(password);
            audit.failure(actor, AuditEvent.SIGN_IN, name, account == null ? "unknown account" : "wrong area " + area);
            return Optional.empty();
        }
        if (!passwordMatches(account, password, actor, AuditEvent.SIGN_IN, "")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        account.signedIn(now);
        audit.success(actor, AuditEvent.SIGN_IN, name, area.name());
        return Optional.of(new Granted(account.getLogin(), account.getRole(), account.getDisplayName(),
                account.isMustChangePassword()));
    }

    /**
     * Asks a signed-in user for the website password again before a grave step (suspending or
     * resuming certificates). A wrong password counts toward the sign-in lockout exactly as at
     * sign-in, and a right one resets the count; both are committed here, whatever the caller's
     * transaction does afterwards.
     *
     * @param purpose what the password confirms, for the audit trail, e.g. {@code "suspend"}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean confirm(String login, char[] password, String clientAddress, String purpose) {
        Account account = lockedAccount(login);
        Actor actor = new Actor(login, account == null ? "-" : account.getRole().name(), clientAddress);
        if (account == null) {
            hasher.verifyNothing(password);
            audit.failure(actor, AuditEvent.PASSWORD_CONFIRMATION, login, purpose + ": unknown account");
            return false;
        }
        if (!passwordMatches(account, password, actor, AuditEvent.PASSWORD_CONFIRMATION, purpose + ": ")) {
            return false;
        }
        account.passwordConfirmed();
        audit.success(actor, AuditEvent.PASSWORD_CONFIRMATION, login, purpose);
        return true;
    }

    /** The check sign-in and confirmation share: a locked account never matches, a wrong password counts. */
    private boolean passwordMatches(Account account, char[] password, Actor actor, AuditEvent event, String detail) {
        String name = account.getLogin();
        if (account.isLocked()) {
            hasher.verifyNothing(password);
            audit.failure(actor, event, name, detail + "account locked");
            return false;
        }
        if (!hasher.verify(account.getPasswordHash(), password)) {
            boolean lockedNow = account.wrongPassword(clock.instant(), settings.maxSignInFailures());
            audit.failure(actor, event, name, detail + "wrong password " + account.getFailedAttempts());
            if (lockedNow) {
                audit.success(Actor.system("sign-in"), AuditEvent.ACCOUNT_LOCKED, name,
                        account.getFailedAttempts() + " consecutive wrong passwords");
            }
            return false;
        }
        return true;
    }

    /** Records a sign-out: the visitor's own, or the one that a sign-in to the other area forced. */
    public void signedOut(String login, Role role, String clientAddress, String why) {
        audit.success(new Actor(login, role.name(), clientAddress), AuditEvent.SIGN_OUT, login, why);
    }

    private Account lockedAccount(String login) {
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }
}
