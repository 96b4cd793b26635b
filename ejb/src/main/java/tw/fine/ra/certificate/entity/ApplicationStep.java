package tw.fine.ra.certificate.entity;

/**
 * Where a certificate application stands (SPEC function 2). The card proves its management key to
 * the server twice: before the keys are generated and before the certificates are written, so each
 * administrative step runs on a card the server has just authenticated.
 */
public enum ApplicationStep {
    /** Terms accepted, card chosen: keys are generated on the card, attested, and the card signs two requests. */
    STARTED,
    /** The pair is issued (persisted and audited): the card proves its key again, then takes the certificates. */
    ISSUED,
    /** Both certificates are on the card (written by the application or, after a failed write, by the download). */
    COMPLETED,
    /** The pair was revoked or expired before it reached the card: closed, so the subscriber can apply again. */
    ABANDONED;

    /** The step that may follow this one; a restart (reload, second tab) is possible only before issuance. */
    public boolean canMoveTo(ApplicationStep next) {
        return switch (this) {
            case STARTED -> next == ISSUED || next == STARTED;
            case ISSUED -> next == COMPLETED || next == ABANDONED;
            case COMPLETED, ABANDONED -> false;
        };
    }
}
