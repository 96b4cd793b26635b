package tw.fine.ra.ca.entity;

/** Which half of a subscriber's pair a certificate is, or the CA's own OCSP signer (no subscriber's). */
public enum CertificateUsage {
    SIGNING,
    ENCRYPTION,
    OCSP_SIGNING
}
