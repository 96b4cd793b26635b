/**
 * The agent's core, independent of any transport: which card operations exist, which need a
 * ticket, how PINs and the relayed management-key authentication flow, and what is answered.
 */
package tw.fine.ra.card.agent.core;
