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

    static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
