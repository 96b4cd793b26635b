package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.pin.PinSource;

/** What every card operation works with: the card, the open admin session, the ticket gate, the holder. */
record OperationContext(CardAccess cards, AdminSessions sessions, TicketGate gate, PinSource pins) {
}
