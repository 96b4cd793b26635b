package tw.fine.ra.it.certificate;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import tw.fine.ra.ca.boundary.IssuedPair;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * Test deployments only: issues a subscriber a pair on the card, as the application will, from
 * software keys: {@code POST /test/certificates?pairFor=<subscriber id>&ubn=<UBN>} answers
 * {@code <signing number> <encryption number>}; with form fields {@code signing} and
 * {@code encryption} (base64 DER PKCS#10) from the test's own keys, so the test can sign as the card.
 * {@code POST /test/certificates?endPairsOf=<subscriber id>} revokes the subscriber's certificates in use.
 */
@WebServlet("/test/certificates")
public class CertificatesProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Subscribers subscribers;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (req.getParameter("endPairsOf") != null) {
                subscribers.endPairs(req.getParameter("endPairsOf"));
                return;
            }
            String signing = req.getParameter("signing");
            IssuedPair pair = signing == null
                    ? subscribers.pair(req.getParameter("ubn"), req.getParameter("pairFor"), CaFixtures.ecKeys(),
                            CaFixtures.rsaKeys(), true)
                    : subscribers.pair(req.getParameter("ubn"), req.getParameter("pairFor"),
                            Base64.getDecoder().decode(signing),
                            Base64.getDecoder().decode(req.getParameter("encryption")), true);
            resp.setContentType("text/plain");
            resp.getWriter().print(pair.signing().certificateNumber() + " " + pair.encryption().certificateNumber());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
