package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;

/** The web security baseline, seen by a plain HTTP client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private final Http http = new Http();

    @ParameterizedTest
    @CsvSource({
        "/app/index.xhtml, /login.xhtml",
        "/app/password.xhtml, /login.xhtml",
        "/admin/index.xhtml, /admin/login.xhtml",
        "/admin/register.xhtml, /admin/login.xhtml",
        "/admin/reset-request.xhtml, /admin/login.xhtml",
        "/admin/approvals.xhtml, /admin/login.xhtml",
        "/admin/audit.xhtml, /admin/login.xhtml",
        "/admin/password.xhtml, /admin/login.xhtml"
    })
    void anonymousIsRedirectedFromEveryArea(String page, String signIn) {
        HttpResponse<String> response = http.get(Http.https(page));
        assertEquals(302, response.statusCode(), page);
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith(signIn), page + " went to " + location);
    }

    @Test
    void signInPagesAreOpen() {
        assertEquals(200, http.get(Http.https("/login.xhtml")).statusCode());
        assertEquals(200, http.get(Http.https("/admin/login.xhtml")).statusCode());
    }

    @Test
    void securityHeadersPresent() {
        HttpResponse<String> response = http.get(Http.https("/login.xhtml"));
        var headers = response.headers();
        assertTrue(headers.firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""));
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.matches(".*script-src 'self' 'nonce-[^']+'.*"), csp);
        String cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
        assertTrue(cookie.contains("secure") || cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void plainHttpIsNeverServedForTheSite() {
        for (String page : new String[] {"/login.xhtml", "/admin/login.xhtml", "/app/index.xhtml"}) {
            HttpResponse<String> response = http.get(Http.http(page));
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("https://"), page);
        }
    }

    @Test
    void postWithoutViewStateChangesNothing() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.https("/login.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "signin=signin&signin%3Alogin=x&signin%3Apassword=y&signin%3Acaptcha=z&signin%3Asubmit="))
                .build();
        HttpResponse<String> response = http.send(request);
        // a forged post without the server-side ViewState is not processed as a sign-in
        assertTrue(response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("")
                .contains("/app/"), "forged post signed someone in");
    }
}
