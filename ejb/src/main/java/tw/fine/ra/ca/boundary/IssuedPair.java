package tw.fine.ra.ca.boundary;

/** The two certificates issued for one request; they share notAfter. */
public record IssuedPair(CertificateView signing, CertificateView encryption) {
}
