package tw.fine.ra.card.agent.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tw.fine.ra.card.agent.core.Agent;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.AgentRequest;
import tw.fine.ra.card.agent.core.ErrorCode;
import tw.fine.ra.card.agent.core.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** JSON over HTTP on the loopback interface for the RA pages. */
public final class LocalHttpTransport implements AutoCloseable {

    static {
        // Without it the JDK server waits for delayed ACKs: ~40 ms per request instead of ~3 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String PREFIX = "/v1/";
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Agent agent;
    private final int port;

    private LocalHttpTransport(Agent agent, int requestedPort) throws IOException {
        this.agent = agent;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 16);
        this.port = server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "agent-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static LocalHttpTransport start(Agent agent, int port) throws IOException {
        LocalHttpTransport transport = new LocalHttpTransport(agent, port);
        transport.server.start();
        return transport;
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Headers request = exchange.getRequestHeaders();
        Locale locale = Messages.fromAcceptLanguage(request.getFirst("Accept-Language"));
        String origin = request.getFirst("Origin");
        try (exchange) {
            try {
                checkHost(request.getFirst("Host"));
                if (origin != null) {
                    if (!agent.isAllowedOrigin(origin)) {
                        throw new AgentException(ErrorCode.ORIGIN_NOT_ALLOWED, origin);
                    }
                    Cors.allow(exchange.getResponseHeaders(), origin);
                }
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    Cors.preflight(request, exchange.getResponseHeaders());
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                send(exchange, 200, route(exchange, origin, locale));
            } catch (AgentException e) {
                send(exchange, e.code().httpStatus(), error(e, locale));
            }
        }
    }

    private void checkHost(String host) throws AgentException {
        // DNS rebinding: a foreign name resolving to 127.0.0.1 still names itself in Host.
        if (!("127.0.0.1:" + port).equals(host) && !("localhost:" + port).equals(host)) {
            throw new AgentException(ErrorCode.HOST_NOT_ALLOWED, String.valueOf(host));
        }
    }

    private Map<String, Object> route(HttpExchange exchange, String origin, Locale locale)
            throws AgentException, IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("GET".equals(method)) {
            switch (path) {
                case "/v1/status":
                    return agent.status();
                case "/v1/readers":
                    return Map.of("readers", agent.readers());
                case "/v1/card":
                    return agent.card(Query.parameter(exchange.getRequestURI(), "reader"));
                default:
                    break;
            }
        }
        String operationPrefix = PREFIX + "card/";
        if ("POST".equals(method) && path.startsWith(operationPrefix) && agent.knows(path.substring(operationPrefix.length()))) {
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                // JSON forces a CORS preflight, so no page can fire a card command as a "simple" request.
                throw new AgentException(ErrorCode.BAD_REQUEST, "Content-Type must be application/json");
            }
            AgentRequest request = JsonRequests.parse(readBody(exchange.getRequestBody()), origin, locale);
            return agent.perform(path.substring(operationPrefix.length()), request);
        }
        throw new AgentException(ErrorCode.NOT_FOUND, method + " " + path);
    }

    private static String readBody(InputStream in) throws IOException, AgentException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "body too large");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> error(AgentException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>(e.details());
        body.put("error", e.code().name());
        Object tries = e.details().get("triesLeft");
        body.put("message", Messages.get(locale, "error." + e.code().name(), tries == null ? "" : tries));
        return body;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Keeps the parse error type local: a malformed body is a BAD_REQUEST like any other. */
    static AgentException badJson(ParseException e) {
        return new AgentException(ErrorCode.BAD_REQUEST, "body is not JSON: " + e.getMessage());
    }
}
