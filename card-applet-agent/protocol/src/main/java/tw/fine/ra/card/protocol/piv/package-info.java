/**
 * Host side of the PIV card edge as FINE RA cards speak it: APDU chaining, GET RESPONSE, key
 * slots, the vendor personalization body. Shared by the agent, the tests and the RA server's
 * personalization station so that every party encodes the card commands the same way.
 */
package tw.fine.ra.card.protocol.piv;
