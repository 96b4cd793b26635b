package tw.fine.ra.ca.entity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a certificate is in its life, and the only place that decides how it moves on. A pair is
 * issued before the agent writes it to the card, so it starts as {@link #ISSUED_NOT_ON_CARD}; hold
 * is reversible, revocation and expiry are final. Every move is one of the named
 * {@link Transition}s, each with the statuses it may start from.
 */
public enum CertificateStatus {
    ISSUED_NOT_ON_CARD,
    ACTIVE,
    ON_HOLD,
    REVOKED,
    EXPIRED;

    /** The steps of a certificate's life. */
    public enum Transition {
        /** The agent wrote the certificate to the card. */
        PUT_ON_CARD(ACTIVE, ISSUED_NOT_ON_CARD),
        /** Suspended at once; relying parties see it as revoked until it is released. */
        HOLD(ON_HOLD, ACTIVE),
        RELEASE(ACTIVE, ON_HOLD),
        /** For good; a certificate not yet on its card can be revoked too. */
        REVOKE(REVOKED, ISSUED_NOT_ON_CARD, ACTIVE, ON_HOLD),
        /** Past notAfter, whatever it was doing. */
        EXPIRE(EXPIRED, ISSUED_NOT_ON_CARD, ACTIVE, ON_HOLD);

        private final CertificateStatus to;
        private final Set<CertificateStatus> from;

        Transition(CertificateStatus to, CertificateStatus first, CertificateStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CertificateStatus to() {
            return to;
        }

        public boolean startsFrom(CertificateStatus status) {
            return from.contains(status);
        }

        /** The statuses it may start from, e.g. to find the certificates it applies to. */
        public List<CertificateStatus> from() {
            return List.copyOf(from);
        }
    }

    /** Whether some transition leads from this status to {@code next}. */
    public boolean canMoveTo(CertificateStatus next) {
        return Stream.of(Transition.values()).anyMatch(t -> t.to == next && t.startsFrom(this));
    }

    /** What relying parties must be told is not to be trusted (on the CRL, "revoked" in OCSP). */
    public boolean isRevokedForRelyingParties() {
        return this == ON_HOLD || this == REVOKED;
    }
}
