/**
 * Command tickets: short-lived JWS (ES256) tokens the RA server signs to authorize one card
 * operation, for one origin, one card and one set of parameters, exactly once. The agent
 * verifies them with the RA server's pinned public key; the server side issues them with
 * {@link tw.fine.ra.card.protocol.ticket.TicketSigner}.
 */
package tw.fine.ra.card.protocol.ticket;
