package tw.fine.ra.certificate.entity;

/** How a certificate is saved: the file the subscriber gets. */
public enum CertificateFormat {
    /** DER, the {@code .cer} that Windows and macOS open by double-click (RFC 2585 media type). */
    DER("application/pkix-cert", ".cer"),
    /** The same certificate as base64 text. */
    PEM("application/x-pem-file", ".pem"),
    /** The CA certificates (issuing CA, then root) as one PEM bundle. */
    CHAIN("application/x-pem-file", ".pem");

    private final String contentType;
    private final String extension;

    CertificateFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
