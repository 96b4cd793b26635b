package tw.fine.ra.web.pki;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.fine.ra.ca.boundary.CrlDocument;
import tw.fine.ra.ca.boundary.Publication;

/**
 * The full CRL at the URL in the certificates' CRL distribution point, {@code /pki/crl/<ca>.crl}, and
 * the issuing CA's delta CRL at the one in their Freshest CRL, {@code /pki/crl/<ca>-delta.crl}
 * (docs/adr/0012); both numbered from one counter, so the number tags either.
 */
@WebServlet("/pki/crl/*")
public class CrlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A delta CRL is re-issued within seconds of a revocation; caches should not hold it much longer. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    @EJB
    private transient Publication publication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CrlDocument> crl = PkiPaths.name(request, ".crl").flatMap(publication::currentCrl);
        if (crl.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CrlDocument document = crl.get();
        String etag = "\"crl-" + document.crlNumber() + "\"";
        Instant now = Clock.systemUTC().instant();
        long maxAge = Math.max(0, Math.min(Duration.between(now, document.nextUpdate()).toSeconds(), MAX_AGE.toSeconds()));
        response.setHeader("Cache-Control", "public, no-transform, max-age=" + maxAge);
        response.setDateHeader("Last-Modified", document.thisUpdate().toEpochMilli());
        // the same moment as max-age for caches that read only Expires; the CRL's own nextUpdate is inside it
        response.setDateHeader("Expires", now.plusSeconds(maxAge).toEpochMilli());
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        PkiPaths.send(response, "application/pkix-crl", document.der());
    }
}
