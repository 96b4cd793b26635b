package tw.fine.ra.ca.entity;

/** Which half of a subscriber's pair a certificate is. */
public enum CertificateUsage {
    SIGNING,
    ENCRYPTION
}
