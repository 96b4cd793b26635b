package tw.fine.ra.web.pki;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import tw.fine.ra.ca.boundary.CardAttestationAuthority;

/**
 * The RA's card-attestation CA certificate (PEM) at a stable URL: the trust anchor of the cards'
 * attestations (ADR 0004), for anyone who wants to check that a key was generated on a FINE RA card.
 */
@WebServlet("/pki/card-attestation-ca.pem")
public class CardAttestationCaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient CardAttestationAuthority authority;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pem;
        try {
            pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(authority.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        // replaced only with a new key store, like the ticket key
        response.setHeader("Cache-Control", "public, max-age=86400");
        PkiPaths.send(response, "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII));
    }
}
