/**
 * Per-card secrets derived from RA master keys by the card GUID, so the server stores one
 * master key (in its HSM later) instead of a key per card, and no card secret is shared.
 */
package tw.fine.ra.card.protocol.keys;
