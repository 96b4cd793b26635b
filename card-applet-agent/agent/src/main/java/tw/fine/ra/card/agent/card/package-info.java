/**
 * Reaching cards: one path for PC/SC readers and the jCardSim simulator (both are
 * {@code javax.smartcardio}), all card I/O on one thread so PC/SC exclusivity holds across
 * requests, bounded waits so a dead reader or service ends in an error, never a hang.
 */
package tw.fine.ra.card.agent.card;
