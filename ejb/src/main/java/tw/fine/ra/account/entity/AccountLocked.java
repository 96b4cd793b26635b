package tw.fine.ra.account.entity;

/** Fired inside the transaction in which consecutive wrong passwords locked an account. */
public record AccountLocked(String login, Role role) {
}
