package tw.fine.ra.it.card;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import tw.fine.ra.demo.DemoCard;

/**
 * Test deployments only: runs the dev runner's demo card station now, as its start-up timer does when
 * {@code FINE_DEMO_CARD_FOLDER} is set. {@code POST /test/demo-card?subscriber=..&folder=..} answers the
 * new card's GUID, or status 500 with the reason.
 */
@WebServlet("/test/demo-card")
public class DemoCardProbe extends HttpServlet {

    @Inject
    DemoCard station;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        try {
            resp.getWriter().print(station.personalize(req.getParameter("subscriber"),
                    Path.of(req.getParameter("folder"))));
        } catch (Exception e) {
            resp.setStatus(500);
            resp.getWriter().print(e);
        }
    }
}
