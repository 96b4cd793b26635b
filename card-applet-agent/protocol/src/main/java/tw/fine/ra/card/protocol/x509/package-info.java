/**
 * X.509 pieces both ends of a card key need: the PKCS#10 request a card signs (agent side) and
 * the verification of a card's attestation (server side). JCA only, no Bouncy Castle.
 */
package tw.fine.ra.card.protocol.x509;
