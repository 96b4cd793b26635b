package tw.fine.ra.ca.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The folder between the online server and the offline root (ADR 0010): the server writes the
 * issuing CA's request here; the ceremony puts back the issuing CA certificate, the root
 * certificate and the root CRL, which the server imports.
 */
public record CeremonyFolder(Path path) {

    public static final String REQUEST = "issuing-ca.csr";
    public static final String ISSUING_CERTIFICATE = "issuing-ca.cer";
    public static final String ROOT_CERTIFICATE = "root.cer";
    public static final String ROOT_CRL = "root.crl";

    public Path request() {
        return path.resolve(REQUEST);
    }

    public Path issuingCertificate() {
        return path.resolve(ISSUING_CERTIFICATE);
    }

    public Path rootCertificate() {
        return path.resolve(ROOT_CERTIFICATE);
    }

    public Path rootCrl() {
        return path.resolve(ROOT_CRL);
    }

    /** Whether the ceremony has brought back what the server imports. */
    public boolean holdsSignedCertificates() {
        return Files.isRegularFile(issuingCertificate()) && Files.isRegularFile(rootCertificate());
    }

    public Optional<byte[]> rootCrlDer() {
        return Files.isRegularFile(rootCrl()) ? Optional.of(Pem.read(rootCrl())) : Optional.empty();
    }

    /** Puts the issuing CA certificate the ceremony made into the folder, for the server to import. */
    public void deliverIssuing(X509Certificate issuing) {
        Pem.write(issuingCertificate(), "CERTIFICATE", Certificates.der(issuing));
    }

    /** Puts the root certificate and the latest root CRL into the folder; the server publishes the CRL. */
    public void deliverRoot(X509Certificate root, byte[] rootCrl) {
        Pem.write(rootCertificate(), "CERTIFICATE", Certificates.der(root));
        Pem.write(rootCrl(), "X509 CRL", rootCrl);
    }
}
