package tw.fine.ra.ca.boundary;

/** Fired inside the transaction that revoked, held or released a certificate. */
public record CertificateStatusChanged(long certificateNumber) {
}
