package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
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
    void anOriginMustBeExactlySchemeHostPort() throws Exception {
        Path key = Files.createTempFile("ticket", ".pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(new TestRaServer().publicKey()));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse("--origin", "https://ra.example/", "--ticket-key",
                key.toString()));
    }
}
