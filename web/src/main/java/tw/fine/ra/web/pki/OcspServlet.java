package tw.fine.ra.web.pki;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tw.fine.ra.ca.boundary.Publication;

/**
 * The OCSP responder (RFC 6960 appendix A): POST with the DER request as body, or GET with the
 * base64 request, URL-encoded, as the last path segment. Every request gets an OCSP response with
 * HTTP 200, a malformed one {@code malformedRequest}; the responder itself never throws.
 */
@WebServlet(urlPatterns = {"/pki/ocsp", "/pki/ocsp/*"})
public class OcspServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** OCSP requests are a few hundred bytes; a larger body is not one. */
    static final int MAX_REQUEST = 16 * 1024;

    @EJB
    private transient Publication publication;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST + 1);
        }
        answer(response, body.length > MAX_REQUEST ? new byte[0] : body, false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the raw URI: the container's decoded path info would have turned an unescaped '/' of the
        // base64 into a path separator; some clients escape '+', '/', '=' and some do not
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/pki/ocsp/";
        byte[] der;
        try {
            String encoded = uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
            der = Base64.getDecoder().decode(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        answer(response, der, true);
    }

    private void answer(HttpServletResponse response, byte[] request, boolean cacheable) throws IOException {
        byte[] answer = publication.ocsp(request);
        // RFC 5019: GET answers may be cached by HTTP proxies, briefly, since status changes show at once here
        response.setHeader("Cache-Control", cacheable ? "public, no-transform, max-age=60" : "no-store");
        PkiPaths.send(response, "application/ocsp-response", answer);
    }
}
