package tw.fine.ra.card.agent.pin;

import tw.fine.ra.card.protocol.ticket.Operation;

import java.util.Locale;

/** What the PIN dialog shows: who asks, for what, and how many tries are left (-1 unknown). */
public record PinPrompt(String origin, Operation operation, int triesLeft, Locale locale) {
}
