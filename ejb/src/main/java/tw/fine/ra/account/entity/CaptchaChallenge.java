package tw.fine.ra.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/** An issued CAPTCHA: only the hash of its answer is kept, and the row is deleted when used. */
@Entity
@Table(name = "captcha_challenge")
public class CaptchaChallenge {

    @Id
    private String id;
    @Column(name = "answer_hash", nullable = false)
    private String answerHash;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CaptchaChallenge() {
    }

    public CaptchaChallenge(String id, String answer, Instant expiresAt) {
        this.id = id;
        this.answerHash = hash(id, answer);
        this.expiresAt = expiresAt;
    }

    public boolean accepts(String answer, Instant now) {
        return answer != null && now.isBefore(expiresAt)
                && MessageDigest.isEqual(answerHash.getBytes(StandardCharsets.US_ASCII),
                        hash(id, answer).getBytes(StandardCharsets.US_ASCII));
    }

    /** Case and surrounding blanks do not matter to people reading distorted letters. */
    private static String hash(String id, String answer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.getBytes(StandardCharsets.US_ASCII));
            sha.update(answer.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getId() { return id; }
    public Instant getExpiresAt() { return expiresAt; }
}
