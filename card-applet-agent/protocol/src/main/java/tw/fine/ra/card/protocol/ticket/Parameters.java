package tw.fine.ra.card.protocol.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical hash of request parameters: lines {@code name=value\n} sorted by name, UTF-8,
 * SHA-256, base64url without padding. Names and values may not contain '=' (names) or line
 * breaks, so two different maps never share a canonical form.
 */
public final class Parameters {

    private Parameters() {
    }

    public static String hash(Map<String, String> parameters) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(parameters).entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.isEmpty() || name.indexOf('=') >= 0 || hasLineBreak(name) || value == null || hasLineBreak(value)) {
                throw new IllegalArgumentException("parameter names and values must be single-line, names without '='");
            }
            canonical.append(name).append('=').append(value).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }
}
