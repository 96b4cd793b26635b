package tw.fine.ra.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A website account. Holds the lockout rule: consecutive wrong passwords up to a limit lock it.
 * A subscriber's account refers to the subscriber by id, not by entity, so that accounts do not
 * depend on registration (which opens them through {@code account.boundary.Accounts}).
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String login;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    /** The subscriber's database id (its {@code UBN-00-NNNN} ID is the login); null for staff. */
    @Column(name = "subscriber_id")
    private Long subscriberKey;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "locked_at")
    private Instant lockedAt;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;
    /** Set when the account is closed for good (a demo account in production): no reset reopens it. */
    @Column(name = "disabled_at")
    private Instant disabledAt;
    /**
     * Moves on whenever every session signed in to this account must end: the password changed or
     * was reset, the account locked or disabled. A session remembers the value it signed in with.
     */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;
    @Version
    private long version;

    protected Account() {
    }

    /** A new account with an initial password that must be changed at the first sign-in. */
    public Account(String login, Role role, String displayName, Long subscriberKey, String initialPasswordHash) {
        this.login = login;
        this.role = role;
        this.displayName = displayName;
        this.subscriberKey = subscriberKey;
        this.passwordHash = initialPasswordHash;
        this.mustChangePassword = true;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    /** Closes the account for good: sign-in refused, every session ended, a password reset does not reopen it. */
    public void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at;
            sessionEpoch++;
        }
    }

    public boolean mayEnter(Role.Area area) {
        return role.area() == area;
    }

    public void signedIn(Instant at) {
        failedAttempts = 0;
        lastSignInAt = at;
    }

    /** The password was asked again and given right: the count of wrong ones starts over, as at sign-in. */
    public void passwordConfirmed() {
        failedAttempts = 0;
    }

    /** Counts a wrong password; returns true when this one locked the account. */
    public boolean wrongPassword(Instant at, int maxFailures) {
        failedAttempts++;
        if (!isLocked() && failedAttempts >= maxFailures) {
            lockedAt = at;
            sessionEpoch++;
            return true;
        }
        return false;
    }

    public void passwordChanged(String newHash, Instant at) {
        passwordHash = newHash;
        passwordChangedAt = at;
        mustChangePassword = false;
        sessionEpoch++;
    }

    /** A reset from the paper form: unlocked, with a new initial password to be changed at sign-in. */
    public void passwordReset(String initialPasswordHash, Instant at) {
        passwordHash = initialPasswordHash;
        passwordChangedAt = at;
        mustChangePassword = true;
        failedAttempts = 0;
        lockedAt = null;
        sessionEpoch++;
    }

    public Long getId() { return id; }
    public String getLogin() { return login; }
    public Role getRole() { return role; }
    public String getDisplayName() { return displayName; }
    public Long getSubscriberKey() { return subscriberKey; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public int getFailedAttempts() { return failedAttempts; }
    public Instant getLockedAt() { return lockedAt; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public Instant getDisabledAt() { return disabledAt; }
    public int getSessionEpoch() { return sessionEpoch; }
}
