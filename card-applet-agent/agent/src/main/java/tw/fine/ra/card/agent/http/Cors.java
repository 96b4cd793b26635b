package tw.fine.ra.card.agent.http;

import com.sun.net.httpserver.Headers;

/** CORS answers for an origin already found in the configured list (exact match, never "*"). */
final class Cors {

    private Cors() {
    }

    static void allow(Headers response, String origin) {
        response.set("Access-Control-Allow-Origin", origin);
        response.set("Vary", "Origin");
    }

    static void preflight(Headers request, Headers response) {
        response.set("Access-Control-Allow-Methods", "GET, POST");
        response.set("Access-Control-Allow-Headers", "Content-Type");
        response.set("Access-Control-Max-Age", "600");
        // Chrome's Private Network Access preflight: a public RA page may reach this loopback agent.
        if ("true".equals(request.getFirst("Access-Control-Request-Private-Network"))) {
            response.set("Access-Control-Allow-Private-Network", "true");
        }
    }
}
