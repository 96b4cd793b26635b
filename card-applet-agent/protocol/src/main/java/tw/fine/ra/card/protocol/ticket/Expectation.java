package tw.fine.ra.card.protocol.ticket;

/**
 * What the agent knows independently of the ticket: the operation requested, the Origin the
 * browser sent, the GUID read from the card in the reader, and the hash of the request parameters.
 */
public record Expectation(Operation operation, String origin, String cardGuid, String parametersHash) {
}
