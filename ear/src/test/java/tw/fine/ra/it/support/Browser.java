package tw.fine.ra.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its own chromedriver (nothing is downloaded), trusting the
 * server's development certificate.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    public Browser() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000", "--lang=zh-TW",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
            options.setAcceptInsecureCerts(true);
            // the users' language; --lang alone does not set Accept-Language in headless mode
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-TW,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
            driver = new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(Http.https(path));
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.cssSelector(cssSelector)));
    }

    public void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks, e.g. an AJAX control; callers wait for its effect themselves. */
    public void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /** Clicks a control that submits the page and waits until the next page has loaded. */
    public void submit(String id) {
        // mark the current document; a new document does not carry the mark
        driver.executeScript("window.__fineOldPage = true;");
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return Boolean.TRUE.equals(driver.executeScript(
                        "return !window.__fineOldPage && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false; // the old document went away mid-script: look again
            }
        });
    }

    /**
     * Submits a form's non-AJAX command from inside the page (with the session, view state and
     * CSP nonce the page holds) and answers the response body, e.g. a file download.
     */
    public byte[] download(String formId, String commandId) {
        Object base64 = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById(arguments[0]);
                const fields = new URLSearchParams(new FormData(form));
                fields.append(arguments[1], arguments[1]);
                fetch(form.action, {method: 'POST', body: fields})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                  .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
                  .catch(e => done('failed: ' + e));
                """, formId, commandId);
        if (String.valueOf(base64).startsWith("failed")) {
            throw new AssertionError(commandId + " " + base64);
        }
        return java.util.Base64.getDecoder().decode((String) base64);
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Signs in through the real form; the CAPTCHA answer comes from the test hook. */
    public void signIn(String signInPath, String login, String password) {
        open(signInPath);
        type("signin:login", login);
        type("signin:password", password);
        String answer = driver.findElement(By.id("signin:captcha-test-answer")).getAttribute("textContent");
        type("signin:captcha", answer);
        submit("signin:submit");
    }

    public void changePassword(String current, String proposed, String confirmation) {
        type("password:current", current);
        type("password:proposed", proposed);
        type("password:confirmation", confirmation);
        submit("password:submit");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
