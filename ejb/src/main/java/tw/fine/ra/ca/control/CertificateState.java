package tw.fine.ra.ca.control;

import java.time.Instant;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * What the OCSP responder says about one serial.
 *
 * @param invalidSince the revocation's invalidity date (RFC 5280 5.3.2), or null
 */
public record CertificateState(Answer answer, Instant revokedAt, RevocationReason reason,
        Instant invalidSince) {

    public enum Answer { GOOD, REVOKED, UNKNOWN }

    public static CertificateState good() {
        return new CertificateState(Answer.GOOD, null, null, null);
    }

    public static CertificateState revoked(Instant at, RevocationReason reason) {
        return revoked(at, reason, null);
    }

    public static CertificateState revoked(Instant at, RevocationReason reason, Instant invalidSince) {
        return new CertificateState(Answer.REVOKED, at, reason, invalidSince);
    }

    public static CertificateState unknown() {
        return new CertificateState(Answer.UNKNOWN, null, null, null);
    }
}
