package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.core.Messages;
import tw.fine.ra.card.protocol.ticket.TicketKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the ticket key comes from: the signed jar of a production build, the command line only in development. */
class AgentConfigTest {

    private final ECPublicKey pinned = new TestRaServer().publicKey();
    private final ECPublicKey other = new TestRaServer().publicKey();

    @Test
    void aProductionBuildTrustsTheKeyItCarriesWithoutAnyOption() throws Exception {
        AgentConfig config = AgentConfig.parse(Optional.of(pinned), "--origin", TestRaServer.ORIGIN, "--simulated");
        assertEquals(pinned, config.ticketKey());
        assertFalse(config.development());
    }

    @Test
    void aProductionBuildRefusesAnotherKeyAndDevelopmentMode() throws Exception {
        String file = ticketKeyFile(other).toString();
        for (List<String> options : List.of(List.of("--ticket-key", file), List.of("--development"),
                List.of("--development", "--ticket-key", file))) {
            assertRefused("agent.ticketKeyPinned", Optional.of(pinned), options);
        }
    }

    @Test
    void aDevelopmentBuildTakesTheCommandLineKeyOnlyInDevelopmentMode() throws Exception {
        String file = ticketKeyFile(other).toString();
        assertRefused("agent.ticketKeyNeedsDevelopment", Optional.empty(), List.of("--ticket-key", file));
        assertRefused("agent.ticketKeyNeedsDevelopment", Optional.empty(), List.of("--development"));
        assertRefused("agent.ticketKeyNeedsDevelopment", Optional.empty(), List.of());
        AgentConfig config = inDevelopment("--origin", TestRaServer.ORIGIN, "--ticket-key", file);
        assertEquals(other, config.ticketKey());
        assertTrue(config.development());
    }

    @Test
    void everyRefusalIsExplainedInBothLanguages() {
        for (String key : List.of("agent.ticketKeyPinned", "agent.ticketKeyNeedsDevelopment", "agent.development")) {
            assertFalse(Messages.get(Messages.DEFAULT, key, "x").equals(Messages.get(Locale.ENGLISH, key, "x")), key);
        }
    }

    /** The configuration of a development build (no pinned key) started with {@code --development}. */
    static AgentConfig inDevelopment(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--development"));
        all.addAll(List.of(args));
        return AgentConfig.parse(Optional.empty(), all.toArray(String[]::new));
    }

    static Path ticketKeyFile(ECPublicKey key) throws Exception {
        Path file = Files.createTempFile("ticket", ".pem");
        Files.writeString(file, TicketKeys.toPem(key));
        return file;
    }

    private static void assertRefused(String messageKey, Optional<ECPublicKey> pinned, List<String> options) {
        List<String> args = new ArrayList<>(List.of("--origin", TestRaServer.ORIGIN));
        args.addAll(options);
        AgentConfig.Refused refused = assertThrows(AgentConfig.Refused.class,
                () -> AgentConfig.parse(pinned, args.toArray(String[]::new)), () -> String.join(" ", options));
        assertEquals(messageKey, refused.key, refused.getMessage());
    }
}
