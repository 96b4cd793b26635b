/**
 * What relying parties fetch over plain HTTP without signing in: CA certificates, the CRL and the
 * OCSP responder, under {@code /pki/*}. Each servlet only translates HTTP to the CA's
 * {@link tw.fine.ra.ca.boundary.Publication} façade.
 */
package tw.fine.ra.web.pki;
