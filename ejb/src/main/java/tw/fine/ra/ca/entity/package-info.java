/**
 * The certificate lifecycle as the CA records it: each issued certificate with its status, the
 * issuance requests that make issuance idempotent, and the CRLs published. They live beside the CA
 * rather than in {@code certificate} because the CA is their only writer; the RA's certificate
 * workflows read them through the {@link tw.fine.ra.ca.boundary.CertificateAuthority} façade.
 */
package tw.fine.ra.ca.entity;
