package tw.fine.ra.ca.boundary;

import java.math.BigInteger;
import java.time.Instant;

/** The current CRL with what an HTTP response needs for its caching headers. */
public record CrlDocument(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] der) {
}
