package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.certificate.CertificatesProbe;
import tw.fine.ra.it.certificate.Subscribers;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.TestData;

/**
 * The application benchmark: not a test (its name does not end in IT, so no build runs it). The
 * full certificate application as a subscriber runs it: the page's module in headless Chromium,
 * the real signed agent jar with its simulated card over loopback HTTP (PIN from the scripted PIN
 * file), the server's application API, attestation checks and the CA. Each run's steps are timed
 * in the page, where the progress list changes ({@code data-step}); between runs the pair is
 * revoked so the same subscriber and card may apply again. Prints median and p95 per step and end
 * to end; docs/performance.md records the figures and the command.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationBenchmark {

    static final int WARM_UP = 2;
    static final int RUNS = Integer.getInteger("benchmark.runs", 20);
    static final List<String> STEPS = List.of("agent", "card", "authenticate", "keys", "requests", "issue", "write");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class, CertificatesProbe.class, Subscribers.class,
                CaFixtures.class, CaFixtures.Result.class);
    }

    private final Http http = new Http();

    @Test
    void fullApplication() throws Exception {
        String clerk = AccountsProbe.create(http, "role=CLERK");
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path pinFile = Files.createTempDirectory("fine-benchmark-pin").resolve("pin");
        Map<String, List<Double>> times = new LinkedHashMap<>();
        try (LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                "--scripted-pin-file", pinFile.toString())) {
            try (Browser station = new Browser()) {
                station.signIn("/admin/login.xhtml", clerk, TestData.PASSWORD);
                station.changePassword(TestData.PASSWORD, "Clerk2026pw", "Clerk2026pw");
                Files.writeString(pinFile, CardStation.personalize(station, subscriber));
            }
            try (Browser browser = new Browser()) {
                browser.signIn("/login.xhtml", subscriber, TestData.PASSWORD);
                browser.changePassword(TestData.PASSWORD, "Bench2026pw", "Bench2026pw");
                for (int run = 0; run < WARM_UP + RUNS; run++) {
                    Map<String, Double> steps = timedApplication(browser, agent);
                    if (run >= WARM_UP) {
                        steps.forEach((step, ms) -> times.computeIfAbsent(step, s -> new ArrayList<>()).add(ms));
                    }
                    http.post(Http.https("/test/certificates?endPairsOf=" + subscriber), Map.of());
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "certificate application, %d runs after %d warm-up (ms)%n%-14s %9s %9s %9s%n", RUNS, WARM_UP,
                "step", "median", "p95", "max"));
        times.forEach((step, ms) -> report.append(String.format(Locale.ROOT, "%-14s %9.1f %9.1f %9.1f%n", step,
                percentile(ms, 50), percentile(ms, 95), percentile(ms, 100))));
        System.out.print(report);
        Files.writeString(Path.of("target", "application-benchmark.txt"), report);
    }

    /** One application from the terms to "done"; the milliseconds of each step and of the whole. */
    private static Map<String, Double> timedApplication(Browser browser, LocalAgent agent) throws Exception {
        browser.open("/app/apply.xhtml");
        browser.click("terms");
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const application = document.getElementById('application');
                window.__fineSteps = [];
                new MutationObserver(() => window.__fineSteps.push([application.dataset.step, performance.now()]))
                    .observe(application, {attributes: true, attributeFilter: ['data-step']});
                window.__fineStart = performance.now();
                document.getElementById('apply').click();
                """);
        WebElement application = browser.find("#application");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d ->
                "done".equals(application.getAttribute("data-step")) || application.getAttribute("data-error") != null);
        assertEquals("done", application.getAttribute("data-step"),
                application.getAttribute("data-error") + ": " + browser.text("#application-error") + "\n" + agent.log());
        @SuppressWarnings("unchecked")
        List<List<Object>> marks = (List<List<Object>>) ((JavascriptExecutor) browser.driver())
                .executeScript("return window.__fineSteps.concat([['start', window.__fineStart]]);");
        Map<String, Double> at = new LinkedHashMap<>();
        marks.forEach(mark -> at.putIfAbsent((String) mark.get(0), ((Number) mark.get(1)).doubleValue()));
        Map<String, Double> steps = new LinkedHashMap<>();
        for (int i = 0; i < STEPS.size(); i++) {
            String next = i + 1 < STEPS.size() ? STEPS.get(i + 1) : "done";
            steps.put(STEPS.get(i), at.get(next) - at.get(STEPS.get(i)));
        }
        steps.put("end to end", at.get("done") - at.get("start"));
        return steps;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
