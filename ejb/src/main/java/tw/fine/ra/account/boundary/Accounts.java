package tw.fine.ra.account.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tw.fine.ra.account.control.InitialPasswords;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;

/**
 * What other capabilities do with website accounts: registration opens a subscriber's account,
 * approval finds it and resets its password, the back-office search shows its state. Initial
 * passwords are made and hashed here; the plain password leaves only to be printed into a sealed
 * mailer, and the caller wipes it.
 */
@Stateless
public class Accounts {

    /** A new initial password of the account {@code login}; the caller prints it, then {@link #wipe}s it. */
    public record InitialPassword(String login, char[] password) {
        public void wipe() {
            Arrays.fill(password, '\0');
        }
    }

    /** The account a reset form names: a subscriber's, or a staff member's ({@link #staff()}). */
    public record Holder(long id, String login, Role role, String displayName) {
        public boolean staff() {
            return role.area() == Role.Area.BACK_OFFICE;
        }
    }

    /** What the back office sees of an account. */
    public record State(boolean locked, boolean mustChangePassword) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    InitialPasswords passwords;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    /**
     * The account of a newly registered subscriber: the subscriber ID is its login.
     *
     * @param subscriberKey the subscriber's database id, which the account keeps instead of the entity
     */
    @RolesAllowed("CLERK")
    public InitialPassword openForSubscriber(String subscriberId, long subscriberKey) {
        char[] password = passwords.generate();
        em.persist(new Account(subscriberId, Role.SUBSCRIBER, subscriberId, subscriberKey, hasher.hash(password)));
        return new InitialPassword(subscriberId, password);
    }

    /** The id of a subscriber's account, write-locked until the caller's transaction ends. */
    @RolesAllowed({"CLERK", "OFFICER"})
    public Optional<Long> lockSubscriberAccount(String subscriberId) {
        return em.createQuery("select a from Account a where a.login = :login and a.subscriberKey is not null",
                        Account.class)
                .setParameter("login", subscriberId == null ? "" : subscriberId.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().map(Account::getId);
    }

    /**
     * The account a password reset form names, subscriber or staff, write-locked until the
     * caller's transaction ends; a disabled account is never found (no reset reopens it).
     */
    @RolesAllowed({"CLERK", "OFFICER"})
    public Optional<Holder> lockForReset(String login) {
        return em.createQuery("select a from Account a where a.login = :login and a.disabledAt is null", Account.class)
                .setParameter("login", login == null ? "" : login.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().map(Accounts::holder);
    }

    private static Holder holder(Account account) {
        return new Holder(account.getId(), account.getLogin(), account.getRole(), account.getDisplayName());
    }

    @RolesAllowed({"CLERK", "OFFICER"})
    public Map<Long, String> logins(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a.id, a.login from Account a where a.id in :ids", Object[].class)
                .setParameter("ids", accountIds).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }

    @RolesAllowed({"CLERK", "OFFICER"})
    public Map<String, State> states(List<String> logins) {
        if (logins.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a.login, a.lockedAt, a.mustChangePassword from Account a where a.login in :l",
                        Object[].class)
                .setParameter("l", logins).getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> new State(r[1] != null, (Boolean) r[2])));
    }

    /** A reset from an approved paper form: unlocked, with a new initial password to change at sign-in. */
    @RolesAllowed("OFFICER")
    public InitialPassword resetPassword(long accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        char[] password = passwords.generate();
        account.passwordReset(hasher.hash(password), clock.instant());
        return new InitialPassword(account.getLogin(), password);
    }

    /** Whose account {@code accountId} is, for the reset letter. */
    @RolesAllowed("OFFICER")
    public Holder holder(long accountId) {
        return holder(em.find(Account.class, accountId));
    }
}
