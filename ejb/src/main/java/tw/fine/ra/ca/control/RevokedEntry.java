package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.time.Instant;
import tw.fine.ra.ca.entity.RevocationReason;

/** One line of a CRL: a revoked or held certificate. */
public record RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
}
