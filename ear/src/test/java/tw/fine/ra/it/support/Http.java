package tw.fine.ra.it.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTP client for the test server: it trusts the server's self-signed development certificate
 * (tests only) and never follows redirects, so tests can assert them.
 */
public final class Http {

    public static final int HTTP_PORT = Integer.getInteger("it.http.port", 8080);
    public static final int HTTPS_PORT = Integer.getInteger("it.https.port", 8443);

    private final HttpClient client;

    public Http() {
        client = HttpClient.newBuilder()
                .sslContext(trustingContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static String https(String path) {
        return "https://localhost:" + HTTPS_PORT + path;
    }

    public static String http(String path) {
        return "http://localhost:" + HTTP_PORT + path;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Asks the test deployment's {@link AccountsProbe} for an account, e.g. {@code role=CLERK}; answers its login. */
    public String testAccount(String query) {
        return send(HttpRequest.newBuilder(URI.create(https("/test/accounts?" + query)))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body().strip();
    }

    /** Asks the {@link AccountsProbe} whether this subscriber password signs in: {@code granted} or {@code refused}. */
    public String testSignIn(String login, String password) {
        return testAccount("signIn=" + encode(login) + "&password=" + encode(password));
    }

    /** Posts a form as a browser does ({@code application/x-www-form-urlencoded}). */
    public HttpResponse<String> post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The fields a browser posts to sign in on this sign-in page (this client's session): the
     * credentials, the CAPTCHA answer from the test hook, the view state and the CSP nonce.
     */
    public Map<String, String> signInForm(String signInPath, String login, String password) {
        JsfPage page = new JsfPage(get(https(signInPath)).body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:login", login);
        fields.put("signin:password", password);
        fields.put("signin:captcha", page.textOf("signin:captcha-test-answer"));
        fields.put("signin:submit", "");
        fields.put(JsfPage.VIEW_STATE, page.viewState());
        fields.put(JsfPage.NONCE, page.nonce());
        return fields;
    }

    /** Signs this client in through the real form; the answer is the form's response. */
    public HttpResponse<String> signIn(String signInPath, String login, String password) {
        return post(https(signInPath), signInForm(signInPath, login, password));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        }
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
