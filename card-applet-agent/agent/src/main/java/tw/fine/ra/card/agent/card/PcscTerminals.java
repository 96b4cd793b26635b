package tw.fine.ra.card.agent.card;

import javax.smartcardio.TerminalFactory;
import java.security.NoSuchAlgorithmException;

/**
 * The operating system's readers. A fresh factory per call, because a restarted PC/SC service
 * invalidates the old context, and never {@code TerminalFactory.getDefault()}, which would cache a
 * reader-less stand-in for ever once the service was down at the first call.
 */
public final class PcscTerminals {

    /** Thrown when no PC/SC service answers (not installed, not running). */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(Throwable cause) {
            super("PC/SC service unavailable: " + cause.getMessage(), cause);
        }
    }

    private PcscTerminals() {
    }

    public static TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw new UnavailableException(e);
        }
    }
}
