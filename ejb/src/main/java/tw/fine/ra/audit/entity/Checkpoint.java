package tw.fine.ra.audit.entity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement that the chain held record {@code seq} with hash {@code hash} at
 * {@code signedAt}: whoever later finds that record gone or with another hash knows the trail was
 * truncated or rewritten, however well the hashes after it were recomputed (ADR 0009). The
 * signature (base64, ECDSA DER) covers {@link #payload()}; {@code keyId} names the key.
 */
public record Checkpoint(long seq, String hash, Instant signedAt, String keyId, String signature) {

    /** One line of the checkpoint file: {@code seq hash time key signature}, space-separated. */
    private static final Pattern LINE = Pattern.compile(
            "(\\d+) ([0-9a-f]{64}) (\\S+) ([0-9a-f]{64}) ([A-Za-z0-9+/=]+)");

    public Checkpoint {
        signedAt = signedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The signed bytes: a versioned text of every field but the signature. */
    public byte[] payload() {
        return payload(seq, hash, signedAt, keyId);
    }

    public static byte[] payload(long seq, String hash, Instant signedAt, String keyId) {
        return ("fine-ra audit checkpoint v1\nseq=" + seq + "\nhash=" + hash + "\nsigned-at="
                + signedAt.truncatedTo(ChronoUnit.MILLIS).toEpochMilli() + "\nkey=" + keyId + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public String line() {
        return seq + " " + hash + " " + signedAt + " " + keyId + " " + signature;
    }

    /** The checkpoint a file line holds; empty for a line of another shape (e.g. cut short by a crash). */
    public static Optional<Checkpoint> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)),
                    m.group(4), m.group(5)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
