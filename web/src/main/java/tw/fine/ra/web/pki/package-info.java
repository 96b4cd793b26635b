/**
 * What relying parties fetch over plain HTTP without signing in: CA certificates, the CRL and the
 * OCSP responder, under {@code /pki/*}; and the card agents' pinned ticket key. Each servlet only
 * translates HTTP to a boundary: the CA's {@link tw.fine.ra.ca.boundary.Publication} façade, or
 * {@link tw.fine.ra.card.boundary.CardTickets} for the ticket key.
 */
package tw.fine.ra.web.pki;
