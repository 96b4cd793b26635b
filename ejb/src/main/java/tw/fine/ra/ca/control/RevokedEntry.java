package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.time.Instant;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * One line of a CRL: a revoked or held certificate.
 *
 * @param revokedAt    when the CA recorded it (the entry's revocationDate)
 * @param invalidSince an earlier time the certificate was unfit from (the invalidityDate extension), or null
 */
public record RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason, Instant invalidSince) {

    public RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
        this(serial, revokedAt, reason, null);
    }
}
