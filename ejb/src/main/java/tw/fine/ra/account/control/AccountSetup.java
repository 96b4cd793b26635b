package tw.fine.ra.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;

/**
 * Creates accounts with a password chosen by the operator (staff bootstrap, demo data), which
 * like every initial password must be changed at the first sign-in, and closes them for good. A
 * control, so pages cannot reach it; other capabilities open accounts through
 * {@code account.boundary.Accounts}.
 */
@ApplicationScoped
public class AccountSetup {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    public Account create(String login, Role role, String displayName, Long subscriberKey, char[] password) {
        Account account = new Account(login, role, displayName, subscriberKey, hasher.hash(password));
        em.persist(account);
        return account;
    }

    /** Closes an account for good; false when there is none or it was closed already. */
    public boolean disable(String login, Instant at) {
        Account account = em.createQuery("select a from Account a where a.login = :l", Account.class)
                .setParameter("l", login).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (account == null || account.isDisabled()) {
            return false;
        }
        account.disable(at);
        return true;
    }

    public boolean exists(String login) {
        return !em.createQuery("select a.id from Account a where a.login = :l", Long.class)
                .setParameter("l", login).getResultList().isEmpty();
    }
}
