package tw.fine.ra.certificate.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.certificate.entity.CertificateFile;
import tw.fine.ra.certificate.entity.CertificateFormat;

/**
 * The files a subscriber saves: one certificate as DER or PEM, named so that the two of a pair
 * and the pairs of several subscribers never overwrite each other in a downloads folder, and the
 * CA chain as one PEM bundle.
 */
public final class CertificateFiles {

    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    /** {@code <subscriber id>-<signing|encryption>-<serial hex>.cer} (or {@code .pem}). */
    public CertificateFile certificate(String subscriberId, CertificateUsage usage, BigInteger serial, byte[] der,
            CertificateFormat format) {
        if (format == CertificateFormat.CHAIN) {
            throw new IllegalArgumentException("the chain is not a subscriber certificate");
        }
        String name = subscriberId + "-" + usage.name().toLowerCase(Locale.ROOT) + "-" + serial.toString(16)
                + format.extension();
        byte[] content = format == CertificateFormat.DER ? der.clone() : pem(List.of(der));
        return new CertificateFile(name, format.contentType(), content);
    }

    /** The CA certificates, issuing CA first, as one PEM file. */
    public CertificateFile chain(List<byte[]> caCertificates) {
        return new CertificateFile("fine-ca-chain" + CertificateFormat.CHAIN.extension(),
                CertificateFormat.CHAIN.contentType(), pem(caCertificates));
    }

    static byte[] pem(List<byte[]> ders) {
        StringBuilder text = new StringBuilder();
        for (byte[] der : ders) {
            text.append("-----BEGIN CERTIFICATE-----\n").append(PEM_BASE64.encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
