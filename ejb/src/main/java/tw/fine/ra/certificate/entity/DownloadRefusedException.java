package tw.fine.ra.certificate.entity;

import jakarta.ejb.ApplicationException;

/**
 * A certificate download step the RA refuses (SPEC function 4). The reason names a message in the
 * web bundles ({@code download.refused.<REASON>}); nothing of the refused step is kept.
 */
@ApplicationException(rollback = true)
public class DownloadRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No certificate of the caller has that number: it does not exist or it is someone else's (not told which). */
        NOT_YOUR_CERTIFICATE,
        /** The certificate is the caller's but does not wait for the card: already on it, on hold, revoked or expired. */
        NOT_WAITING,
        /** Nothing waits for the card. */
        NOTHING_WAITING,
        /** The card in the reader is not the caller's registered card in use (or he has none). */
        WRONG_CARD,
        /** The card's key in the certificate's slot does not sign for the certificate's public key. */
        KEY_MISMATCH,
        /** The proof's nonce is unknown, someone else's, expired or spent. */
        CHALLENGE_INVALID
    }

    private final Reason reason;

    public DownloadRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "download.refused." + reason.name();
    }
}
