package tw.fine.ra.ca.entity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a certificate is in its life, and the only place that decides how it moves on. A pair is
 * issued before the agent writes it to the card, so it starts as {@link #ISSUED_NOT_ON_CARD}; hold
 * is reversible, revocation and expiry are final, except that a key compromise can still be
 * recorded after expiry. A certificate that expires on hold stays on hold for relying parties
 * ({@link #EXPIRED_ON_HOLD}): nobody released it, so it must never turn "good" (docs/adr/0005).
 * Every move is one of the named {@link Transition}s, each with the statuses it may start from.
 */
public enum CertificateStatus {
    ISSUED_NOT_ON_CARD,
    ACTIVE,
    ON_HOLD,
    REVOKED,
    EXPIRED,
    EXPIRED_ON_HOLD;

    /** The steps of a certificate's life. */
    public enum Transition {
        /** The agent wrote the certificate to the card. */
        PUT_ON_CARD(ACTIVE, ISSUED_NOT_ON_CARD),
        /** Suspended at once; relying parties see it as revoked until it is released. */
        HOLD(ON_HOLD, ACTIVE),
        RELEASE(ACTIVE, ON_HOLD),
        /** For good; a certificate not yet on its card can be revoked too. */
        REVOKE(REVOKED, ISSUED_NOT_ON_CARD, ACTIVE, ON_HOLD),
        /** Past notAfter, unless on hold. */
        EXPIRE(EXPIRED, ISSUED_NOT_ON_CARD, ACTIVE),
        /** Past notAfter while on hold: it keeps its hold for relying parties, and cannot be released. */
        EXPIRE_ON_HOLD(EXPIRED_ON_HOLD, ON_HOLD),
        /**
         * A compromised key is revoked whenever the compromise is found, even after expiry: a
         * relying party checking an old signature must learn that the key was not the signer's.
         */
        REVOKE_FOR_KEY_COMPROMISE(REVOKED, ISSUED_NOT_ON_CARD, ACTIVE, ON_HOLD, EXPIRED, EXPIRED_ON_HOLD);

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

        /** The step that revokes for this reason. */
        public static Transition revoking(RevocationReason reason) {
            return reason == RevocationReason.KEY_COMPROMISE ? REVOKE_FOR_KEY_COMPROMISE : REVOKE;
        }
    }

    /** Whether some transition leads from this status to {@code next}. */
    public boolean canMoveTo(CertificateStatus next) {
        return Stream.of(Transition.values()).anyMatch(t -> t.to == next && t.startsFrom(this));
    }

    /** What relying parties must be told is not to be trusted (on the CRL, "revoked" in OCSP). */
    public boolean isRevokedForRelyingParties() {
        return this == ON_HOLD || this == REVOKED || this == EXPIRED_ON_HOLD;
    }

    /** Out of use for good: revoked or expired (held or not); nothing but a key compromise may follow. */
    public boolean isEnded() {
        return this == REVOKED || this == EXPIRED || this == EXPIRED_ON_HOLD;
    }

    /** The statuses listed on the CRL. */
    public static Set<CertificateStatus> revokedForRelyingParties() {
        return Stream.of(values()).filter(CertificateStatus::isRevokedForRelyingParties)
                .collect(() -> EnumSet.noneOf(CertificateStatus.class), Set::add, Set::addAll);
    }
}
