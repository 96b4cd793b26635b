package tw.fine.ra.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.AccountLocked;
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

    @Inject
    Event<AccountLocked> locked;

    /**
     * A successful sign-in: who, in which role, whether the password must be changed first, and
     * the account's session epoch the session holds until {@link #currentEpoch} moves on.
     */
    public record Granted(String login, Role role, String displayName, boolean mustChangePassword,
            int sessionEpoch) {
    }

    /** @return the granted identity, or empty for any failure, whatever its reason */
    public Optional<Granted> verify(Role.Area area, String login, char[] password, String clientAddress) {
        String name = login == null ? "" : login.strip();
        Account account = lockedAccount(name);
        if (account == null) {
            // what was typed may be a password typed into the wrong field: never kept as typed
            String typed = typedDigest(name);
            hasher.verifyNothing(password);
            audit.failure(new Actor(typed, "-", clientAddress), AuditEvent.SIGN_IN, typed, "unknown account");
            return Optional.empty();
        }
        Actor actor = new Actor(name, account.getRole().name(), clientAddress);
        if (!account.mayEnter(area)) {
            hasher.verifyNothing(password);
            audit.failure(actor, AuditEvent.SIGN_IN, name, "wrong area " + area);
            return Optional.empty();
        }
        if (!passwordMatches(account, password, actor, AuditEvent.SIGN_IN, "")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        account.signedIn(now);
        audit.success(actor, AuditEvent.SIGN_IN, name, area.name());
        return Optional.of(new Granted(account.getLogin(), account.getRole(), account.getDisplayName(),
                account.isMustChangePassword(), account.getSessionEpoch()));
    }

    /**
     * The account's session epoch now, asked on every signed-in request: a session signed in with
     * another one ends (password changed or reset, account locked). Empty when the account is gone.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OptionalInt currentEpoch(String login) {
        return em.createQuery("select a.sessionEpoch from Account a where a.login = :login", Integer.class)
                .setParameter("login", login).getResultStream().mapToInt(Integer::intValue).findFirst();
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

    /**
     * The check sign-in and confirmation share: a disabled or locked account never matches (and the
     * answer does not say so), a wrong password counts.
     */
    private boolean passwordMatches(Account account, char[] password, Actor actor, AuditEvent event, String detail) {
        String name = account.getLogin();
        if (account.isDisabled() || account.isLocked()) {
            hasher.verifyNothing(password);
            audit.failure(actor, event, name, detail + (account.isDisabled() ? "account disabled" : "account locked"));
            return false;
        }
        if (!hasher.verify(account.getPasswordHash(), password)) {
            boolean lockedNow = account.wrongPassword(clock.instant(), settings.maxSignInFailures());
            audit.failure(actor, event, name, detail + "wrong password " + account.getFailedAttempts());
            if (lockedNow) {
                lockedNow(account);
            }
            return false;
        }
        return true;
    }

    private void lockedNow(Account account) {
        audit.success(Actor.system("sign-in"), AuditEvent.ACCOUNT_LOCKED, account.getLogin(),
                account.getFailedAttempts() + " consecutive wrong passwords");
        locked.fire(new AccountLocked(account.getLogin(), account.getRole()));
    }

    /**
     * The password-change form's check of the current password: a wrong one counts toward the
     * sign-in lockout exactly as at sign-in, committed whatever the change does next. The change
     * records its own outcome ({@code PASSWORD_CHANGE}), so only a lock is recorded here.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean currentPasswordRight(String login, char[] password) {
        Account account = lockedAccount(login);
        if (account == null || account.isDisabled() || account.isLocked()) {
            hasher.verifyNothing(password);
            return false;
        }
        if (!hasher.verify(account.getPasswordHash(), password)) {
            if (account.wrongPassword(clock.instant(), settings.maxSignInFailures())) {
                lockedNow(account);
            }
            return false;
        }
        account.passwordConfirmed();
        return true;
    }

    /** Records a sign-out: the visitor's own, or the one that a sign-in to the other area forced. */
    public void signedOut(String login, Role role, String clientAddress, String why) {
        audit.success(new Actor(login, role.name(), clientAddress), AuditEvent.SIGN_OUT, login, why);
    }

    /**
     * How an unknown typed account name is recorded: the first 8 bytes of its SHA-256, enough to
     * see the same name tried again, too little to recover a password someone typed there.
     */
    static String typedDigest(String typed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(typed.getBytes(StandardCharsets.UTF_8));
            return "typed:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Account lockedAccount(String login) {
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }
}
