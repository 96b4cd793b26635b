package tw.fine.ra.certificate.entity;

import java.util.Collection;
import tw.fine.ra.ca.entity.CertificateStatus;

/** The subscriber's pair at a glance, from the statuses of his certificates; each has its next step. */
public enum PairState {
    /** Nothing issued yet: apply. */
    NONE,
    /** Issued but not on the card yet: download. */
    NOT_ON_CARD,
    /** On the card and usable; if the card is lost: suspend. */
    VALID,
    /** Suspended: resume with the card. */
    ON_HOLD,
    /** Only revoked or expired certificates remain: apply again. */
    ENDED;

    /** A hold outranks everything (the subscriber must know he suspended), then a usable pair. */
    public static PairState of(Collection<CertificateStatus> statuses) {
        if (statuses.isEmpty()) {
            return NONE;
        }
        if (statuses.contains(CertificateStatus.ON_HOLD)) {
            return ON_HOLD;
        }
        if (statuses.contains(CertificateStatus.ACTIVE)) {
            return VALID;
        }
        if (statuses.contains(CertificateStatus.ISSUED_NOT_ON_CARD)) {
            return NOT_ON_CARD;
        }
        return ENDED;
    }
}
