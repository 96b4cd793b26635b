package tw.fine.ra.card.agent.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** One query-string parameter, decoded. */
final class Query {

    private Query() {
    }

    static String parameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
