package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.pin.ScriptedPinSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedPinsTest {

    @Test
    void scriptedPinsCannotExistWithoutTheSimulatedCard() {
        assertThrows(NullPointerException.class, () -> new ScriptedPinSource(null, "123456"));
    }

    @Test
    void theCommandLineRefusesScriptedPinsForRealReaders() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse(
                "--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(), "--scripted-pin", "123456"));
        assertTrue(e.getMessage().contains("--simulated"));
        AgentConfig.parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(), "--scripted-pin", "123456",
                "--simulated");
    }

    @Test
    void anOriginMustBeExactlySchemeHostPort() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse("--origin", "https://ra.example/", "--ticket-key",
                key.toString()));
    }
}
