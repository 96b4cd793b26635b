package tw.fine.ra.web.pki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Small helpers shared by the relying-party servlets. */
final class PkiPaths {

    private PkiPaths() {
    }

    /** {@code /information-user-ca.crl} with suffix {@code .crl} gives {@code information-user-ca}. */
    static Optional<String> name(HttpServletRequest request, String suffix) {
        String path = request.getPathInfo();
        if (path == null || !path.startsWith("/") || !path.endsWith(suffix) || path.indexOf('/', 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(1, path.length() - suffix.length()));
    }

    /** Whether an {@code If-None-Match} header names this strong entity tag (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
