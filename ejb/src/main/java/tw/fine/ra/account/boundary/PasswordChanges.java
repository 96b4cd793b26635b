package tw.fine.ra.account.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.account.control.PasswordPolicy;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;

/** The signed-in user changes his own website password: old, new, confirm. */
@Stateless
public class PasswordChanges {

    /** Field name → bundle keys of what is wrong with it. */
    @ApplicationException(rollback = true)
    public static class Rejected extends Exception {
        private final transient Map<String, List<String>> problems;

        public Rejected(Map<String, List<String>> problems) {
            super("password change rejected: " + problems.values());
            this.problems = problems;
        }

        public Map<String, List<String>> problems() {
            return problems;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    SignIn signIn;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /** For the form's hint: the shortest password the policy accepts. */
    @RolesAllowed({"SUBSCRIBER", "CLERK", "OFFICER", "AUDITOR"})
    public int minLength() {
        return policy.minLength();
    }

    /**
     * Changes the caller's password. A wrong current password counts toward the sign-in lockout
     * (committed whatever happens here), so this form is no guessing oracle.
     *
     * @return the account's new session epoch: the caller's session keeps going, every other ends
     */
    @RolesAllowed({"SUBSCRIBER", "CLERK", "OFFICER", "AUDITOR"})
    public int change(char[] current, char[] proposed, char[] confirmation, String clientAddress) throws Rejected {
        String login = caller.getCallerPrincipal().getName();
        boolean currentRight = signIn.currentPasswordRight(login, current);
        Account account = em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        Actor actor = new Actor(login, account.getRole().name(), clientAddress);
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        if (!currentRight) {
            problems.put("current", List.of("password.change.current-wrong"));
        }
        List<String> broken = new ArrayList<>(policy.violations(login, proposed));
        if (problems.isEmpty() && hasher.verify(account.getPasswordHash(), proposed)) {
            broken.add("password.policy.same-as-current");
        }
        if (!broken.isEmpty()) {
            problems.put("proposed", broken);
        }
        if (!java.util.Arrays.equals(proposed, confirmation)) {
            problems.put("confirmation", List.of("password.change.confirmation-differs"));
        }
        if (!problems.isEmpty()) {
            audit.failure(actor, AuditEvent.PASSWORD_CHANGE, login, String.join(",", problems.keySet()));
            throw new Rejected(problems);
        }
        account.passwordChanged(hasher.hash(proposed), clock.instant());
        audit.success(actor, AuditEvent.PASSWORD_CHANGE, login, "changed");
        return account.getSessionEpoch();
    }
}
