package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;
import tw.fine.ra.card.agent.pin.ScriptedPinSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedPinsTest {

    /**
     * The rule is in the types: every way to build a scripted PIN source takes the simulated
     * environment, which has no public constructor and is built only around a simulated card.
     */
    @Test
    void scriptedPinsCannotExistWithoutTheSimulatedCard() {
        for (Constructor<?> constructor : ScriptedPinSource.class.getDeclaredConstructors()) {
            assertTrue(List.of(constructor.getParameterTypes()).contains(SimulatedEnvironment.class), constructor::toString);
        }
        assertEquals(0, SimulatedEnvironment.class.getConstructors().length, "no public constructor");
        for (Method factory : SimulatedEnvironment.class.getMethods()) {
            if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == SimulatedEnvironment.class) {
                assertEquals(0, factory.getParameterCount(), () -> factory + " could wrap a card from outside");
            }
        }
        assertThrows(NullPointerException.class, () -> new ScriptedPinSource(null, "123456"));
    }

    @Test
    void theCommandLineRefusesScriptedPinsForRealReaders() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse(
                "--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(), "--scripted-pin", "123456"));
        assertTrue(e.getMessage().contains("--simulated"));
        assertDoesNotThrow(() -> AgentConfig.parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(),
                "--scripted-pin", "123456", "--simulated"));
    }

    @Test
    void aPinFileIsReadWhenThePinIsAskedNotWhenTheAgentStarts() throws Exception {
        Path file = Files.createTempDirectory("pins").resolve("pin");
        ScriptedPinSource pins = new ScriptedPinSource(SimulatedEnvironment.blank(), file);
        AgentException none = assertThrows(AgentException.class, () -> pins.currentPin(null));
        assertEquals(ErrorCode.PIN_CANCELLED, none.code());
        Files.writeString(file, "482913\n");
        assertEquals("482913", new String(pins.currentPin(null)));
        Files.writeString(file, "551177");
        assertEquals("551177", new String(pins.currentPin(null)));
    }

    @Test
    void theCommandLineRefusesAPinFileForRealReaders() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse("--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString(), "--scripted-pin-file", "pin.txt"));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse("--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString(), "--simulated", "--scripted-pin-file", "pin.txt", "--scripted-pin", "1"));
        assertEquals(Path.of("pin.txt"), AgentConfig.parse("--origin", TestRaServer.ORIGIN, "--ticket-key",
                key.toString(), "--simulated-blank", "--scripted-pin-file", "pin.txt").scriptedPinFile());
    }

    @Test
    void anOriginMustBeExactlySchemeHostPort() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse("--origin", "https://ra.example/", "--ticket-key",
                key.toString()));
    }
}
