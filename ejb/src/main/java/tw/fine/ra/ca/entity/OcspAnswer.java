package tw.fine.ra.ca.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An encoded OCSP response with what HTTP needs for its caching headers (RFC 5019 §6.2). Only a
 * signed response may be cached by HTTP caches; an unsigned one (any error status) carries no times.
 *
 * @param thisUpdate the response's thisUpdate, or null when unsigned
 * @param nextUpdate the response's nextUpdate, or null when unsigned
 * @param refreshAt  when the responder stops serving this response and signs a new one; an HTTP cache
 *                   must not keep it longer, or it would outlive the responder's own copy
 * @param etag       a quoted strong entity tag, the SHA-256 of the response, or null when unsigned
 */
public record OcspAnswer(byte[] der, Instant thisUpdate, Instant nextUpdate, Instant refreshAt, String etag) {

    /** {@code OCSPResponse ::= SEQUENCE { responseStatus internalError(2) }}: for when nothing else can answer. */
    private static final byte[] INTERNAL_ERROR = {0x30, 0x03, 0x0a, 0x01, 0x02};

    public static OcspAnswer signed(byte[] der, Instant thisUpdate, Instant nextUpdate, Instant refreshAt) {
        return new OcspAnswer(der, thisUpdate, nextUpdate, refreshAt, "\"" + sha256(der) + "\"");
    }

    public static OcspAnswer unsigned(byte[] der) {
        return new OcspAnswer(der, null, null, null, null);
    }

    public static OcspAnswer internalError() {
        return unsigned(INTERNAL_ERROR.clone());
    }

    public boolean cacheable() {
        return etag != null;
    }

    /** How long an HTTP cache may keep it from {@code now}: never past nextUpdate nor the responder's refresh. */
    public long maxAgeSeconds(Instant now) {
        Instant until = nextUpdate.isBefore(refreshAt) ? nextUpdate : refreshAt;
        return Math.max(0, Duration.between(now, until).toSeconds());
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
