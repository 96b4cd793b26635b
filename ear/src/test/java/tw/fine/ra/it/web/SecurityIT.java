package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.JsfPage;
import tw.fine.ra.it.support.TestData;
import tw.fine.ra.it.support.WebPages;

/** The web security baseline, seen by a plain HTTP client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final String UBN = "22099131";
    private static final Set<Role> STAFF = EnumSet.of(Role.CLERK, Role.OFFICER, Role.AUDITOR);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    /** Every page under {@code /app} and {@code /admin}, from the webapp folder, so a new page is covered. */
    static Stream<String> protectedPages() {
        return WebPages.protectedPages().stream();
    }

    @ParameterizedTest
    @MethodSource("protectedPages")
    void anonymousIsRedirectedFromEveryPage(String page) {
        HttpResponse<String> response = http.get(Http.https(page));
        assertEquals(302, response.statusCode(), page);
        String location = response.headers().firstValue("Location").orElse("");
        String signIn = page.startsWith("/admin/") ? "/admin/login.xhtml" : "/login.xhtml";
        assertTrue(location.endsWith(signIn), page + " went to " + location);
    }

    @Test
    void everyPageBelongsToItsAreaOnly() {
        for (String page : WebPages.protectedPages()) {
            Set<Role> roles = WebPages.rolesFor(page);
            Set<Role> area = page.startsWith("/admin/") ? STAFF : EnumSet.of(Role.SUBSCRIBER);
            assertFalse(roles.isEmpty(), page + " has no role constraint");
            assertTrue(area.containsAll(roles), page + " is open to " + roles);
        }
    }

    /**
     * Each role, signed in, against every page: refused where web.xml does not name it, let in
     * (with {@code Cache-Control: no-store}) where it does.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleIsRefusedEveryPageOutsideItsOwn(Role role) {
        Http session = new Http();
        String login = session.testAccount(role == Role.SUBSCRIBER ? "subscriberOf=" + UBN : "role=" + role);
        assertSignedIn(session.signIn(signInPage(role), login, TestData.PASSWORD), login);
        for (String page : WebPages.protectedPages()) {
            HttpResponse<String> response = session.get(Http.https(page));
            String location = response.headers().firstValue("Location").orElse("");
            boolean refused = response.statusCode() == 403
                    || response.statusCode() == 302 && location.endsWith("login.xhtml");
            assertEquals(!WebPages.rolesFor(page).contains(role), refused,
                    role + " on " + page + ": " + response.statusCode() + " " + location);
            if (!refused) {
                // issue 9 item 11: what a signed-in account sees is never stored, redirects included
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""),
                        role + " on " + page + ": " + response.statusCode());
            }
        }
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
    void aValidSignInWithoutTheViewStateIsRefusedAndTheSamePostWithItAccepted() {
        String login = http.testAccount("role=SUBSCRIBER");
        Map<String, String> form = http.signInForm("/login.xhtml", login, TestData.PASSWORD);
        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.remove(JsfPage.VIEW_STATE);

        HttpResponse<String> refused = http.post(Http.https("/login.xhtml"), forged);
        assertFalse(refused.headers().firstValue("Location").orElse("").contains("/app/"),
                "a post without the view state signed in: " + refused.statusCode());
        assertFalse(signedIn(http), "still anonymous");

        assertSignedIn(http.post(Http.https("/login.xhtml"), form), login);
        assertTrue(signedIn(http), "the same post with the view state signs in");
    }

    /** A subscriber session reaches its password page (where a first sign-in is sent); anonymous is redirected. */
    private static boolean signedIn(Http session) {
        return session.get(Http.https("/app/password.xhtml")).statusCode() == 200;
    }

    private static String signInPage(Role role) {
        return role == Role.SUBSCRIBER ? "/login.xhtml" : "/admin/login.xhtml";
    }

    private static void assertSignedIn(HttpResponse<String> response, String login) {
        assertEquals(302, response.statusCode(), () -> login + " not signed in:\n" + response.body());
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/app/") || location.contains("/admin/") && !location.endsWith("login.xhtml"),
                login + " went to " + location);
    }
}
