package tw.fine.ra.ca.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a certificate is in its life. A pair is issued before the agent writes it to the card, so
 * it starts as {@link #ISSUED_NOT_ON_CARD}; hold is reversible, revocation and expiry are final.
 */
public enum CertificateStatus {
    ISSUED_NOT_ON_CARD,
    ACTIVE,
    ON_HOLD,
    REVOKED,
    EXPIRED;

    public boolean canMoveTo(CertificateStatus next) {
        return successors().contains(next);
    }

    /** What relying parties must be told is not to be trusted (on the CRL, "revoked" in OCSP). */
    public boolean isRevokedForRelyingParties() {
        return this == ON_HOLD || this == REVOKED;
    }

    private Set<CertificateStatus> successors() {
        return switch (this) {
            // not on a card yet: nobody can hold what is not in use, but it can be revoked
            case ISSUED_NOT_ON_CARD -> EnumSet.of(ACTIVE, REVOKED, EXPIRED);
            case ACTIVE -> EnumSet.of(ON_HOLD, REVOKED, EXPIRED);
            case ON_HOLD -> EnumSet.of(ACTIVE, REVOKED, EXPIRED);
            case REVOKED, EXPIRED -> EnumSet.noneOf(CertificateStatus.class);
        };
    }
}
