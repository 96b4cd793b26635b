package tw.fine.ra.card.protocol.x509;

/** An attestation that does not prove what the server needs; {@link #reason()} says which check failed. */
public final class AttestationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** Not two X.509 certificates, or the card's extensions are missing or malformed. */
        MALFORMED,
        /** Attestation → F9 certificate → card-attestation CA does not validate (signature, names, dates, CA flag). */
        UNTRUSTED,
        /** The attested key is not the key of the request: a key that was not generated on this card. */
        KEY_MISMATCH,
        /** The attestation is for another slot than the one the key is requested for. */
        WRONG_SLOT,
        /** The attestation was made by another card. */
        WRONG_CARD
    }

    private final Reason reason;

    public AttestationException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
