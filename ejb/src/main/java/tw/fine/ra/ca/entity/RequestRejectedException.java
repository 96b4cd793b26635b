package tw.fine.ra.ca.entity;

import jakarta.ejb.ApplicationException;

/** A certificate request the CA refuses; nothing of it is kept. */
@ApplicationException(rollback = true)
public class RequestRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, so the RA can tell the subscriber something precise. */
    public enum Reason {
        MALFORMED_REQUEST,
        NO_PROOF_OF_POSSESSION,
        WEAK_SIGNATURE_ALGORITHM,
        UNSUPPORTED_KEY,
        WEAK_KEY,
        /** The key does not fit the certificate's key usage (an encryption certificate needs RSA-2048). */
        KEY_UNFIT_FOR_USAGE,
        SAME_KEY_FOR_BOTH_CERTIFICATES,
        KEY_ALREADY_CERTIFIED,
        REQUEST_ID_REUSED
    }

    private final Reason reason;

    public RequestRejectedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
