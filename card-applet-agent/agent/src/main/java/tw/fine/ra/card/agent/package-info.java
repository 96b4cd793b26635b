/**
 * The local agent: brokers the subscriber's smart card for the RA web pages. The core
 * ({@code core}) knows card operations, tickets and PINs; transports ({@code http}, later native
 * messaging) only translate requests; {@code card} hides whether the reader is PC/SC or simulated.
 */
package tw.fine.ra.card.agent;
