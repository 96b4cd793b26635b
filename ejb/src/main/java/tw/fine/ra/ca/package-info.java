/**
 * The certificate authority engine: CA keys and certificates, issuance of certificate pairs from
 * PKCS#10 requests, revocation and hold, CRLs and OCSP. This is the only package that imports
 * Bouncy Castle; the rest of the RA talks to it through {@link tw.fine.ra.ca.boundary} with JDK
 * types (DER bytes, {@code BigInteger} serials, {@code Instant}s) so the CA could later move to a
 * separate host behind the same façade. {@code control} holds the pure CA logic (testable without
 * a container), {@code entity} the certificate lifecycle records the CA persists.
 */
package tw.fine.ra.ca;
