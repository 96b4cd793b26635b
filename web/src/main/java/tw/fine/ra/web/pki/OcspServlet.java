package tw.fine.ra.web.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.fine.ra.ca.boundary.OcspAnswers;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * The OCSP responder (RFC 6960 appendix A): POST with the DER request as body, or GET with the
 * base64 request, URL-encoded, as the last path segment. Every request within the size limits gets an
 * OCSP response with HTTP 200, never a 500: a malformed one {@code malformedRequest}, a failure of ours
 * {@code internalError}. A larger one is no OCSP request and gets 413 (POST) or 414 (GET), no body.
 * Signed GET answers carry the RFC 5019 6.2 caching headers and a 304 for a matching
 * {@code If-None-Match}; everything else is {@code no-store}.
 */
@WebServlet(urlPatterns = {"/pki/ocsp", "/pki/ocsp/*"})
public class OcspServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OcspServlet.class.getName());
    /** OCSP requests are a few hundred bytes, ten CertIDs with a nonce about 1 KiB; signed ones a few KiB. */
    static final int MAX_REQUEST = 16 * 1024;
    /** The URL-encoded base64 of the largest unsigned request we answer (ten SHA-256 CertIDs and a nonce) fits. */
    static final int MAX_GET_PATH = 4 * 1024;

    @Inject
    private transient OcspAnswers ocsp;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > MAX_REQUEST) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST + 1);
        }
        if (body.length > MAX_REQUEST) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        OcspAnswer answer = answer(body);
        response.setHeader("Cache-Control", "no-store");
        PkiPaths.send(response, "application/ocsp-response", answer.der());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the raw URI: the container's decoded path info would have turned an unescaped '/' of the
        // base64 into a path separator; some clients escape '+', '/', '=' and some do not
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/pki/ocsp/";
        String encoded = uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
        if (encoded.length() > MAX_GET_PATH) {
            refuse(response, HttpServletResponse.SC_REQUEST_URI_TOO_LONG);
            return;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        OcspAnswer answer = answer(der);
        if (!answer.cacheable()) {
            response.setHeader("Cache-Control", "no-store");
        } else if (cacheHeaders(request, response, answer)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        PkiPaths.send(response, "application/ocsp-response", answer.der());
    }

    private OcspAnswer answer(byte[] request) {
        try {
            return ocsp.answer(request);
        } catch (RuntimeException e) {
            // the responder itself never throws; this is the container failing to reach it
            LOG.log(Level.WARNING, "OCSP responder unreachable: {0}", e.toString());
            return OcspAnswer.internalError();
        }
    }

    /**
     * RFC 5019 6.2: an HTTP cache keeps the answer no longer than its nextUpdate, nor than the responder
     * serves it. A status change shows here at once and in HTTP caches within that time. Returns whether
     * the client's copy is this answer.
     */
    private static boolean cacheHeaders(HttpServletRequest request, HttpServletResponse response, OcspAnswer answer) {
        response.setHeader("Cache-Control", "max-age=" + answer.maxAgeSeconds(Instant.now())
                + ", public, no-transform, must-revalidate");
        response.setHeader("ETag", answer.etag());
        response.setDateHeader("Last-Modified", answer.thisUpdate().toEpochMilli());
        response.setDateHeader("Expires", answer.nextUpdate().toEpochMilli());
        return PkiPaths.matches(request.getHeader("If-None-Match"), answer.etag());
    }

    private static void refuse(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        response.setContentLength(0);
    }
}
