package tw.fine.ra.ca.control;

import java.time.Instant;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * What the OCSP responder says about one serial.
 *
 * @param version      changes with every status change of the certificate; cached responses are keyed
 *                     by it, so a change makes the old response unreachable at once, on every node
 * @param invalidSince the revocation's invalidity date (RFC 5280 5.3.2), or null
 */
public record CertificateState(Answer answer, Instant revokedAt, RevocationReason reason, long version,
        Instant invalidSince) {

    public enum Answer { GOOD, REVOKED, UNKNOWN }

    public static CertificateState good(long version) {
        return new CertificateState(Answer.GOOD, null, null, version, null);
    }

    public static CertificateState revoked(Instant at, RevocationReason reason, long version) {
        return revoked(at, reason, version, null);
    }

    public static CertificateState revoked(Instant at, RevocationReason reason, long version, Instant invalidSince) {
        return new CertificateState(Answer.REVOKED, at, reason, version, invalidSince);
    }

    public static CertificateState unknown() {
        return new CertificateState(Answer.UNKNOWN, null, null, -1, null);
    }
}
