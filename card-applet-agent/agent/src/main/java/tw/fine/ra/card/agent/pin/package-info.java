/**
 * Where PINs come from: the agent's own dialog, which shows the requesting site and operation,
 * so a PIN never passes through the page or the server; and, only beside a simulated card, a
 * scripted source for tests and demos. PINs are {@code char[]} and are wiped after use.
 */
package tw.fine.ra.card.agent.pin;
