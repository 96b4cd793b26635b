package tw.fine.ra.ca.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * A CRL read back and checked against the CA that should have signed it, e.g. a root CRL brought
 * from the ceremony: its number, dates and entries.
 */
public record SignedCrl(BigInteger number, Instant thisUpdate, Instant nextUpdate, List<RevokedEntry> entries,
        byte[] der) {

    /**
     * @throws IllegalArgumentException if the bytes are no CRL, not of this issuer, not signed by its key, or
     *         carry no CRL number
     */
    public static SignedCrl verified(byte[] der, X509Certificate issuer) {
        try {
            X509CRLHolder crl = new X509CRLHolder(der);
            if (!crl.getIssuer().equals(Certificates.name(issuer))
                    || !crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER)
                            .build(issuer))) {
                throw new IllegalArgumentException("the CRL is not signed by " + issuer.getSubjectX500Principal());
            }
            Extension number = crl.getExtension(Extension.cRLNumber);
            if (number == null || crl.getNextUpdate() == null) {
                throw new IllegalArgumentException("the CRL has no CRL number or no nextUpdate");
            }
            List<RevokedEntry> entries = new ArrayList<>();
            for (Object revoked : crl.getRevokedCertificates()) {
                X509CRLEntryHolder entry = (X509CRLEntryHolder) revoked;
                entries.add(new RevokedEntry(entry.getSerialNumber(), entry.getRevocationDate().toInstant(),
                        reason(entry)));
            }
            return new SignedCrl(CRLNumber.getInstance(number.getParsedValue()).getCRLNumber(),
                    crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), List.copyOf(entries), der.clone());
        } catch (IOException | OperatorCreationException | org.bouncycastle.cert.CertException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refusal) {
                throw refusal;
            }
            throw new IllegalArgumentException("not a readable CRL: " + e.getMessage(), e);
        }
    }

    private static RevocationReason reason(X509CRLEntryHolder entry) {
        Extension extension = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
        int code = extension == null ? 0 : CRLReason.getInstance(extension.getParsedValue()).getValue().intValueExact();
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.code() == code) {
                return reason;
            }
        }
        return RevocationReason.UNSPECIFIED;
    }
}
