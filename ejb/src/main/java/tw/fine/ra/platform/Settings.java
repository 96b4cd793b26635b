package tw.fine.ra.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Application settings. Their values are system properties that {@code wildfly-config/
 * configure-server.cli} defines from environment variables, so operators change them without a
 * rebuild; the defaults here only serve unit tests and a server configured by hand.
 */
@ApplicationScoped
public class Settings {

    /**
     * Development mode ({@code FINE_MODE=development}), which only the dev runner and the tests set:
     * the one mode in which test hooks, demo data and placeholder settings are allowed.
     */
    public boolean developmentMode() {
        return "development".equalsIgnoreCase(System.getProperty("fine.mode", "production").strip());
    }

    /**
     * The settings in force that only development mode allows, by the environment variable an
     * operator sets: test hooks, demo data, and web addresses on this machine.
     */
    public List<String> developmentOnlyInUse() {
        List<String> inUse = new ArrayList<>();
        if (captchaTestHook()) {
            inUse.add("FINE_CAPTCHA_TEST_HOOK");
        }
        if (demoData()) {
            inUse.add("FINE_DEMO_DATA");
        }
        if (demoCardFolder().isPresent()) {
            inUse.add("FINE_DEMO_CARD_FOLDER");
        }
        if (isThisMachine(siteUrl())) {
            inUse.add("FINE_SITE_URL");
        }
        if (raOrigins().stream().anyMatch(Settings::isThisMachine)) {
            inUse.add("FINE_RA_ORIGINS");
        }
        return inUse;
    }

    /**
     * Refuses to start (the caller's start-up fails, so does the deployment) when settings that only
     * development mode allows are in force outside it.
     *
     * @param inUse such settings, by their environment variable
     */
    public void requireDevelopmentModeFor(List<String> inUse) {
        if (!inUse.isEmpty() && !developmentMode()) {
            throw new IllegalStateException("FINE RA refuses to start outside development mode (FINE_MODE=development,"
                    + " which only the dev runner and the tests set) with " + String.join(", ", inUse));
        }
    }

    /** Whether a URL names this machine (localhost, a loopback address) rather than a public site. */
    public static boolean isThisMachine(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0");
    }

    public int passwordMinLength() {
        return Integer.getInteger("fine.password.min-length", 10);
    }

    public int maxSignInFailures() {
        return Integer.getInteger("fine.signin.max-failures", 3);
    }

    /** How long a signed-in session lasts however busy it is; the idle timeout ends it earlier. */
    public Duration sessionLifetime() {
        return Duration.ofSeconds(Math.max(1, Integer.getInteger("fine.session.lifetime-seconds", 8 * 3600)));
    }

    /** How long a signed-in session may stay unused before it ends (audited as an idle timeout). */
    public Duration sessionIdleTimeout() {
        return Duration.ofSeconds(Math.max(1, Integer.getInteger("fine.session.idle-seconds", 15 * 60)));
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
        return commaSeparated("fine.ra.origins", "https://localhost:8443,http://localhost:8080");
    }

    /** Where the subscriber's local card agent listens (its pages call it; the CSP allows it). */
    public String agentUrl() {
        return System.getProperty("fine.agent.url", "http://127.0.0.1:31520");
    }

    /** The oldest agent version (its {@code /v1/status} "version") the card pages work with. */
    public String agentMinimumVersion() {
        return System.getProperty("fine.agent.min-version", "0.1.0");
    }

    /**
     * SHA-256 fingerprints (hex) of the code-signing certificates whose agents the card pages trust;
     * empty: any agent whose own signature check passed (the development build signs with a key it
     * generates).
     */
    public List<String> agentSigners() {
        return Arrays.stream(System.getProperty("fine.agent.signers", "").split(","))
                .map(s -> s.strip().replace(":", "").toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * How long a card command ticket stays valid: at most the five minutes agents accept (ADR 0001);
     * shorter values narrow the window in which a captured ticket could be replayed.
     */
    public Duration cardTicketLifetime() {
        long seconds = Math.max(1, Math.min(Integer.getInteger("fine.card.ticket-seconds", 300), 300));
        return Duration.ofSeconds(seconds);
    }

    /**
     * Where the audit checkpoints are kept outside the database (ADR 0009): a folder the database's
     * administrators cannot write, ideally on another machine or a write-once mount.
     */
    public Path auditCheckpointDirectory() {
        String folder = System.getProperty("fine.audit.checkpoint-dir", "").strip();
        return Path.of(folder.isEmpty() ? System.getProperty("jboss.server.data.dir", "data") + "/fine-audit" : folder);
    }

    /** How often the chain is verified and, when it grew, its head signed into a checkpoint. */
    public Duration auditCheckpointInterval() {
        return Duration.ofMinutes(Math.max(1, Integer.getInteger("fine.audit.checkpoint-minutes", 60)));
    }

    /** The auditors' addresses each checkpoint is mailed to; empty: the file only. */
    public List<String> auditCheckpointRecipients() {
        return commaSeparated("fine.audit.checkpoint-mail", "");
    }

    private static List<String> commaSeparated(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    public boolean demoData() {
        return Boolean.getBoolean("fine.demo-data");
    }

    /**
     * Dev runner only: where the demo card station writes the PIN of the card it personalizes at start
     * for the first demo subscriber; unset (production, tests): no demo card.
     */
    public Optional<Path> demoCardFolder() {
        String folder = System.getProperty("fine.demo.card-folder", "").strip();
        return folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder));
    }
}
