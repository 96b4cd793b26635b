package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import tw.fine.ra.it.support.ServerLog;

/** What every page shares, seen by a plain HTTP client: language, error pages, stale forms. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private final Http http = new Http();

    private HttpResponse<String> get(String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.https(path)));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build());
    }

    @ParameterizedTest
    @CsvSource({
        "/no-such-page.xhtml, zh-TW, 找不到網頁",
        "/no-such-page.xhtml, en, Page not found",
        "/no/such/folder, zh-TW, 找不到網頁"
    })
    void unknownAddressesGetTheSitesNotFoundPage(String path, String language, String title) {
        HttpResponse<String> response = get(path, language);
        assertEquals(404, response.statusCode(), response.body());
        assertTrue(response.body().contains(title), response.body());
        assertTrue(response.body().contains("site-header"), "in the site template");
        assertFalse(response.body().contains("ExternalContext"), response.body());
    }

    @ParameterizedTest
    @CsvSource({
        "zh-TW, zh-TW",
        "'en-US,en;q=0.8', en",
        "'fr-FR,fr;q=0.9', zh-TW",
        "'', zh-TW"
    })
    void pagesNameTheirLanguageAndDefaultToTraditionalChinese(String acceptLanguage, String lang) {
        HttpResponse<String> response = get("/login.xhtml", acceptLanguage.isEmpty() ? null : acceptLanguage);
        assertTrue(response.body().matches("(?s).*<html[^>]* lang=\"" + lang + "\".*"), response.body());
    }

    @Test
    void aFormPostWithoutTheCspNonceGetsTheExpiredPageAndOneWarning() {
        HttpResponse<String> page = get("/login.xhtml", "zh-TW");
        Matcher state = VIEW_STATE.matcher(page.body());
        assertTrue(state.find(), page.body());
        ServerLog log = ServerLog.mark();
        // the form of the page with its view state, but without primefaces.nonce (no JavaScript)
        String form = "signin=signin&signin%3Alogin=&signin%3Apassword=&signin%3Acaptcha=&signin%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Http.https("/login.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-TW")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("頁面已逾時"), response.body());
        assertTrue(response.body().contains("site-header"), "in the site template");
        String logged = log.since();
        assertEquals(1, logged.lines().filter(l -> l.contains("WARN") && l.contains("stale form post")).count(), logged);
        assertFalse(logged.contains("ERROR"), logged);
    }
}
