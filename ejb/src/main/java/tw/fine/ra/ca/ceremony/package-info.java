/**
 * The offline root ceremony (ADR 0010): a command-line program, never deployed code, run by
 * {@code wildfly-config/ca-ceremony.sh} on a machine apart from the server. It creates the root,
 * signs the issuing CA's request the server wrote, signs the root CRL, and takes the root key out of
 * a key store an earlier version kept online; the work itself is {@code ca.control.OfflineRoot}.
 */
package tw.fine.ra.ca.ceremony;
