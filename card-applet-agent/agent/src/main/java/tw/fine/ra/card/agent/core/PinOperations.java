package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.pin.NewPin;
import tw.fine.ra.card.agent.pin.PinPrompt;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.util.Map;

/** PIN change by the holder (function 9) and the server-authorized reset and unblock (function 11). */
final class PinOperations {

    private final CardAccess cards;
    private final AdminSessions sessions;
    private final TicketGate gate;
    private final PinSource pins;

    PinOperations(OperationContext context) {
        this.cards = context.cards();
        this.sessions = context.sessions();
        this.gate = context.gate();
        this.pins = context.pins();
    }

    Map<String, Object> changePin(AgentRequest request) throws AgentException {
        String[] guid = new String[1];
        int tries = cards.withCard(request.reader(), card -> {
            guid[0] = CardFacts.guid(card);
            gate.admit(Operation.CHANGE_PIN, request, guid[0]);
            return card.keyInfo().pinTriesLeft();
        });
        if (tries == 0) {
            throw new AgentException(ErrorCode.PIN_BLOCKED, "blocked", Map.of("triesLeft", 0), null);
        }
        try (NewPin pin = pins.newPin(new PinPrompt(request.origin(), Operation.CHANGE_PIN, tries, request.locale()), true)) {
            CardFacts.continueOnSameCard(cards, request.reader(), guid[0], card -> {
                try {
                    card.changePin(pin.current(), pin.fresh());
                } catch (CardStatusException e) {
                    throw CardFacts.pinError(e);
                }
                return null;
            });
        }
        return Map.of("changed", true);
    }

    /** After the relayed authentication: the holder types the new PIN here, the card resets and unblocks. */
    Map<String, Object> resetPin(AgentRequest request) throws AgentException {
        AdminSessions.Active session = sessions.admit(Operation.RESET_PIN, request);
        try (NewPin pin = pins.newPin(new PinPrompt(request.origin(), Operation.RESET_PIN, -1, request.locale()), false)) {
            sessions.run(session, card -> {
                card.adminResetPin(pin.fresh());
                return null;
            });
        } finally {
            // The card spent the authentication on this reset; the session has nothing left to offer.
            sessions.end();
        }
        return Map.of("reset", true);
    }
}
