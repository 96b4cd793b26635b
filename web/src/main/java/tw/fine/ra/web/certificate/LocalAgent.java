package tw.fine.ra.web.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import tw.fine.ra.platform.Settings;

/**
 * What the card pages tell their scripts about the subscriber's local card agent
 * ({@code resources/js/card-agent.js}): where it listens, the oldest version they work with, the
 * code-signing certificates trusted to have signed it, and the error codes the pages explain (each
 * has {@code application.error.<code>} in the bundles).
 */
@Named("localAgent")
@ApplicationScoped
public class LocalAgent {

    static final List<String> ERROR_CODES = List.of("AGENT_UNREACHABLE", "AGENT_OUTDATED", "AGENT_UNSIGNED",
            "AGENT_UNTRUSTED", "NO_READER", "NO_CARD", "CHOOSE_READER", "CARD_REMOVED", "PIN_INCORRECT",
            "PIN_BLOCKED", "PCSC_UNAVAILABLE", "CARD_BUSY", "TICKET_EXPIRED",
            "SERVER_UNREACHABLE", "SESSION_ENDED", "UNEXPECTED");

    @Inject
    Settings settings;

    public String getUrl() { return settings.agentUrl(); }

    public String getMinimumVersion() { return settings.agentMinimumVersion(); }

    /** Comma-separated SHA-256 fingerprints (lower-case hex); empty: any signer whose signature verifies. */
    public String getSigners() { return String.join(",", settings.agentSigners()); }

    public List<String> getErrorCodes() { return ERROR_CODES; }
}
