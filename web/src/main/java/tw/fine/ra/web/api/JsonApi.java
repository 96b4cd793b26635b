package tw.fine.ra.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API the subscriber pages' scripts call while they drive the card agent. It lives under
 * {@code /app/}, so only a signed-in subscriber reaches it; {@link SameOriginOnly} refuses requests
 * that are not the site's own script calling.
 */
@ApplicationPath("/app/api")
public class JsonApi extends Application {
}
