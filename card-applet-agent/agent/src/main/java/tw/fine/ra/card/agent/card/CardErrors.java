package tw.fine.ra.card.agent.card;

import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;
import tw.fine.ra.card.protocol.piv.CardStatusException;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Turns what PC/SC and the card say into the agent's error codes. */
final class CardErrors {

    /** pcscd polls a reader for its card a few times a second. */
    private static final Duration REMOVAL_NOTICED_WITHIN = Duration.ofSeconds(1);

    private CardErrors() {
    }

    static AgentException translate(Throwable e, CardTerminal terminal) {
        if (e instanceof AgentException agent) {
            return agent;
        }
        if (e instanceof CardStatusException status) {
            return new AgentException(ErrorCode.CARD_ERROR, status.getMessage(),
                    Map.of("statusWord", String.format("%04X", status.statusWord())), status);
        }
        if (e instanceof PcscTerminals.UnavailableException) {
            return new AgentException(ErrorCode.PCSC_UNAVAILABLE, e.getMessage(), Map.of(), e);
        }
        String text = causes(e);
        if (text.contains("NO_SERVICE") || text.contains("SERVICE_STOPPED") || text.contains("NO_READERS")) {
            return new AgentException(ErrorCode.PCSC_UNAVAILABLE, e.getMessage(), Map.of(), e);
        }
        if (text.contains("REMOVED") || gone(terminal)) {
            return new AgentException(ErrorCode.CARD_REMOVED, String.valueOf(e.getMessage()), Map.of(), e);
        }
        return new AgentException(ErrorCode.CARD_ERROR, String.valueOf(e.getMessage()), Map.of(), e);
    }

    /** PC/SC names the reason (SCARD_E_...) in the cause, not in javax.smartcardio's own message. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(' ');
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether the card left the reader. A command cut off by the card's removal fails before PC/SC's
     * next poll of the reader notices it, so a failed command waits a moment for the card to be
     * reported gone before calling it a card error.
     */
    private static boolean gone(CardTerminal terminal) {
        if (terminal == null) {
            return false;
        }
        try {
            return terminal.waitForCardAbsent(REMOVAL_NOTICED_WITHIN.toMillis());
        } catch (CardException | RuntimeException e) {
            return true;
        }
    }
}
