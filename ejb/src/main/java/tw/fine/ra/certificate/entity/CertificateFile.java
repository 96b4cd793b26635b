package tw.fine.ra.certificate.entity;

/** A file to hand to the browser as a download. */
public record CertificateFile(String fileName, String contentType, byte[] content) {
}
