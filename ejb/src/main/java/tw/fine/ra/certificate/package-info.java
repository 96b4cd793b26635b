/**
 * The subscriber's certificates after issuance, as the subscriber sees them: the table of his own
 * certificates and the files to save, the state of his pair at a glance, the application, the
 * download of certificates that did not reach the card (only after the card signs a server nonce
 * with the key in each certificate's slot), and suspending (hold) and resuming the pair. Suspending needs the website password; resuming needs the password and
 * the card's proof of possession of the held signing key, a signature over a single-use server
 * nonce (ADR 0001, item 5). The CA engine does the certificate work behind
 * {@link tw.fine.ra.ca.boundary.CertificateAuthority}; this capability decides who may ask.
 */
package tw.fine.ra.certificate;
