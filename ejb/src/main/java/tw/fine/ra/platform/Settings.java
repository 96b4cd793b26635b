package tw.fine.ra.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Application settings. Their values are system properties that {@code wildfly-config/
 * configure-server.cli} defines from environment variables, so operators change them without a
 * rebuild; the defaults here only serve unit tests and a server configured by hand.
 */
@ApplicationScoped
public class Settings {

    public int passwordMinLength() {
        return Integer.getInteger("fine.password.min-length", 10);
    }

    public int maxSignInFailures() {
        return Integer.getInteger("fine.signin.max-failures", 3);
    }

    public Duration captchaTtl() {
        return Duration.ofSeconds(Integer.getInteger("fine.captcha.ttl-seconds", 120));
    }

    /** Lets browser tests read the CAPTCHA answer; never on unless the server is told so. */
    public boolean captchaTestHook() {
        return Boolean.getBoolean("fine.captcha.test-hook");
    }

    public String siteUrl() {
        return System.getProperty("fine.site.url", "https://localhost:8443/");
    }

    public String mailFrom() {
        return System.getProperty("fine.mail.from", "fine-ra@localhost");
    }

    public Duration mailRetryInterval() {
        return Duration.ofSeconds(Integer.getInteger("fine.mail.retry-seconds", 10));
    }

    /**
     * The exact web origins ({@code scheme://host[:port]}) the RA's pages are served from: card
     * tickets are bound to one of them, never to an origin a request merely claims.
     */
    public List<String> raOrigins() {
        return Arrays.stream(System.getProperty("fine.ra.origins", "https://localhost:8443,http://localhost:8080")
                .split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public boolean demoData() {
        return Boolean.getBoolean("fine.demo-data");
    }
}
