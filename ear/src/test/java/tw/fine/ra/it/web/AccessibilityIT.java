package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Axe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.TestData;

/**
 * axe-core on every page of the webapp (found in its folder, so a new page is checked without
 * touching this test), as each visitor who may see it: anonymous for the public pages, each role
 * for its area's pages. Serious and critical violations fail the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    private static final Path WEBAPP = Path.of("../web/src/main/webapp");
    private static final String UBN = "53212502";
    private static final String REFUSED = "沒有使用此功能的權限";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();
    private final List<String> violations = new ArrayList<>();

    /** Every page: each .xhtml outside WEB-INF and resources (templates, components). */
    static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + WEBAPP.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/") && !p.startsWith("/resources/"))
                    .sorted().toList();
        }
    }

    private static boolean isPublic(String page) {
        return !page.startsWith("/app/") && !page.startsWith("/admin/") || page.equals("/admin/login.xhtml");
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolation() throws IOException {
        List<String> pages = pages();
        assertTrue(pages.size() >= 15, "pages found: " + pages);
        try (Browser browser = new Browser()) {
            for (String page : pages.stream().filter(AccessibilityIT::isPublic).toList()) {
                browser.open(page);
                check(browser, page, "anonymous");
            }
        }
        Map<String, String> signIns = Map.of(
                "SUBSCRIBER", "/login.xhtml", "CLERK", "/admin/login.xhtml",
                "OFFICER", "/admin/login.xhtml", "AUDITOR", "/admin/login.xhtml");
        List<String> seen = new ArrayList<>();
        for (var role : signIns.entrySet()) {
            String area = role.getKey().equals("SUBSCRIBER") ? "/app/" : "/admin/";
            try (Browser browser = signedIn(role.getKey(), role.getValue())) {
                for (String page : pages.stream().filter(p -> p.startsWith(area) && !isPublic(p)).toList()) {
                    browser.open(page);
                    if (!browser.pageText().contains(REFUSED)) {
                        seen.add(page);
                        check(browser, page, role.getKey());
                    }
                }
            }
        }
        List<String> unseen = pages.stream().filter(p -> !isPublic(p) && !seen.contains(p)).toList();
        assertTrue(unseen.isEmpty(), "no role could open " + unseen);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private void check(Browser browser, String page, String who) {
        Axe.seriousViolations(browser).forEach(v -> violations.add(page + " (" + who + "): " + v));
    }

    private Browser signedIn(String role, String signInPage) {
        String login = http.testAccount(role.equals("SUBSCRIBER") ? "subscriberOf=" + UBN : "role=" + role);
        Browser browser = new Browser();
        browser.signIn(signInPage, login, TestData.PASSWORD);
        browser.changePassword(TestData.PASSWORD, "Axe2026check", "Axe2026check");
        return browser;
    }
}
