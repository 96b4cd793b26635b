/**
 * The server side of the subscriber's smart card: the card registry (which card, whose, in which
 * state), command tickets that let the local agent change a card for one operation, one origin and a
 * few minutes, and the server's half of the relayed management-key authentication. Card secrets are
 * derived from master keys kept in the CA key store ({@link tw.fine.ra.ca.boundary.RaKeys}); tickets,
 * key diversification and the challenge come from {@code card-applet-agent/protocol} (ADR 0001).
 */
package tw.fine.ra.card;
