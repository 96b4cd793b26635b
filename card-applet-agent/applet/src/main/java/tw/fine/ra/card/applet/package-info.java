/**
 * The PIV card application (NIST SP 800-73-4 card edge) that FINE RA cards carry, written in the
 * Java Card subset (no {@code int}, no {@code String}, no garbage collection assumed) so that
 * standard middleware (Windows' PIV minidriver, macOS' PIV token, OpenSC) needs no vendor code,
 * plus three vendor instructions for one-time personalization and server-authorized PIN reset.
 */
package tw.fine.ra.card.applet;
