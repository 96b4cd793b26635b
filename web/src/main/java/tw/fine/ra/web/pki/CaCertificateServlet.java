package tw.fine.ra.web.pki;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import tw.fine.ra.ca.boundary.Publication;

/** CA certificates (DER) at the AIA caIssuers URL: {@code /pki/ca/<ca>.cer}, issuing CA and root. */
@WebServlet("/pki/ca/*")
public class CaCertificateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient Publication publication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> der = PkiPaths.name(request, ".cer").flatMap(publication::caCertificate);
        if (der.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // a CA certificate changes only with a new CA, which gets a new name
        response.setHeader("Cache-Control", "public, max-age=86400");
        PkiPaths.send(response, "application/pkix-cert", der.get());
    }
}
