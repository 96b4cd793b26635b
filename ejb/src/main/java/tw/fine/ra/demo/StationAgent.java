package tw.fine.ra.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.fine.ra.card.entity.IssuedTicket;

/**
 * The card-station agent as {@code js/personalize.js} calls it: JSON over loopback HTTP, sent with the
 * RA page's origin (the agent serves configured origins only, and the tickets are bound to it).
 * Answers the top-level values of the agent's JSON as strings.
 */
final class StationAgent {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String origin;

    StationAgent(String base, String origin) {
        this.base = base.replaceAll("/+$", "");
        this.origin = origin;
    }

    Map<String, String> get(String path) {
        return send(request(path).GET());
    }

    /** A card command: its parameters, its ticket (none for the admin answer) and the admin session, if any. */
    Map<String, String> post(String path, Map<String, String> params, IssuedTicket ticket, String session) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        JsonObjectBuilder values = Json.createObjectBuilder();
        params.forEach(values::add);
        body.add("params", values);
        if (ticket != null) {
            body.add("ticket", ticket.ticket());
        }
        if (session != null) {
            body.add("session", session);
        }
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())));
    }

    /** Ends the admin session; the card forgets it anyway when the agent's session times out. */
    void close(String session) {
        if (session == null) {
            return;
        }
        try {
            post("/v1/card/admin-close", Map.of(), null, session);
        } catch (RuntimeException ignored) {
            // best effort, as the page's
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin)
                .timeout(Duration.ofSeconds(60));
    }

    private Map<String, String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new DemoCard.AgentAway(base, e);
        } catch (IOException e) {
            throw new IllegalStateException("the card agent at " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200 || json.containsKey("error")) {
            throw new IllegalStateException("the card agent refused " + request.build().uri().getPath() + ": "
                    + json.getString("error", "") + " " + json.getString("message", ""));
        }
        Map<String, String> values = new LinkedHashMap<>();
        json.forEach((name, value) -> values.put(name, value.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) value).getString() : value.toString()));
        return values;
    }
}
