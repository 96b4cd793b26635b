package tw.fine.ra.web.pki;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tw.fine.ra.card.boundary.CardTickets;

/**
 * The RA's command-ticket public key (PEM "PUBLIC KEY") at a stable URL, for agents to pin
 * ({@code --ticket-key}); the dev runner fetches it before it starts the agent.
 */
@WebServlet("/pki/ticket-key.pem")
public class TicketKeyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient CardTickets tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the key is replaced only by hand (a new key store), so a day of caching is safe
        response.setHeader("Cache-Control", "public, max-age=86400");
        PkiPaths.send(response, "application/x-pem-file", tickets.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    }
}
