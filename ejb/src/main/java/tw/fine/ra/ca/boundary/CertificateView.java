package tw.fine.ra.ca.boundary;

import java.math.BigInteger;
import java.time.Instant;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RevocationReason;

/** A certificate as the RA sees it: plain values, the DER for "save as .cer", no CA internals. */
public record CertificateView(long certificateNumber, String subscriberId, BigInteger serial, CertificateUsage usage,
        CertificateStatus status, RevocationReason revocationReason, Instant revokedAt, Instant notBefore,
        Instant notAfter, String subjectDn, String issuerDn, byte[] der, Instant invalidityDate) {

    public static CertificateView of(IssuedCertificate c) {
        return new CertificateView(c.id(), c.subscriberId(), c.serial(), c.usage(), c.status(), c.revocationReason(),
                c.revokedAt(), c.notBefore(), c.notAfter(), c.subjectDn(), c.issuerDn(), c.der(),
                c.invalidityDate());
    }
}
