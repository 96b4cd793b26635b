package tw.fine.ra.web.api;

import jakarta.ws.rs.BadRequestException;
import java.util.Base64;

/** What the JSON API's resources need of every body: present, and binary values as base64 (400 otherwise). */
public final class JsonValues {

    private JsonValues() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("missing body");
        }
        return body;
    }

    public static byte[] bytes(String base64) {
        if (base64 == null) {
            throw new BadRequestException("missing value");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("not base64");
        }
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
