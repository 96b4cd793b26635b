package tw.fine.ra.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (npm, installed into ear/src/test/js by wildfly-config/prerequisites.sh) run in the
 * page the browser shows.
 */
public final class Axe {

    private static final Path SCRIPT = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the current page, one line each; empty when none. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Browser browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript(script());
        Map<String, Object> result = (Map<String, Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(result => done({passes: result.passes.length, violations: result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))}),
                    error => done({passes: 0, violations: ['axe failed: ' + error]}));
                """);
        if (((Number) result.get("passes")).intValue() == 0) {
            throw new IllegalStateException("axe checked nothing on " + browser.path() + ": " + result);
        }
        return (List<String>) result.get("violations");
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new IllegalStateException("axe-core is missing at " + SCRIPT.toAbsolutePath()
                        + ": run wildfly-config/prerequisites.sh (npm ci in ear/src/test/js)", e);
            }
        }
        return source;
    }
}
