package tw.fine.ra.ca.entity;

/** Fired inside the transaction that revoked, held or released a certificate. */
public record CertificateStatusChanged(long certificateNumber) {
}
