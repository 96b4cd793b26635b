package tw.fine.ra.audit.entity;

/** What happened. New capabilities add their events here; names are stored, never reorder-sensitive. */
public enum AuditEvent {
    SIGN_IN,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGE,
    ORGANIZATION_REGISTERED,
    SUBSCRIBER_REGISTERED,
    PASSWORD_MAILER_PRINTED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_APPROVED,
    PASSWORD_RESET_REJECTED,
    AUDIT_EXPORTED,
    AUDIT_VERIFIED
}
