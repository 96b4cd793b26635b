package tw.fine.ra.certificate.entity;

import jakarta.ejb.ApplicationException;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * A certificate application step the RA refuses. The reason names a message in the web bundles
 * ({@code application.refused.<REASON>}, or for a CA refusal the CA's reason, {@code ca.refused.<REASON>});
 * nothing of the refused step is kept.
 */
@ApplicationException(rollback = true)
public class ApplicationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The subscriber agreement was not accepted. */
        TERMS_NOT_ACCEPTED,
        /** A pair is valid, on hold or waiting for the card: renew or download instead. */
        PAIR_EXISTS,
        /** No such open application of the caller. */
        UNKNOWN_APPLICATION,
        /** The step does not follow the application's current one (replayed or out of order). */
        OUT_OF_ORDER,
        /** The card in the reader is not the card the application started with. */
        WRONG_CARD,
        /** The CA refused the request. */
        CA_REFUSED
    }

    private final Reason reason;
    private final RequestRejectedException.Reason caReason;

    public ApplicationRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.caReason = null;
    }

    /** The CA refused the request, for a reason the subscriber is told precisely (a weak card key, say). */
    public ApplicationRefusedException(RequestRejectedException refusal) {
        super(Reason.CA_REFUSED + ": " + refusal.getMessage());
        this.reason = Reason.CA_REFUSED;
        this.caReason = refusal.reason();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return caReason != null ? "ca.refused." + caReason.name() : "application.refused." + reason.name();
    }
}
