package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.ReaderInfo;
import tw.fine.ra.card.agent.card.ReaderScope;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;
import tw.fine.ra.card.agent.pin.ScriptedPinSource;

import tw.fine.ra.card.simulator.SimulatedCard;

import javax.smartcardio.TerminalFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        Path key = ticketKey();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(
                "--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(), "--scripted-pin", "123456"));
        assertTrue(e.getMessage().contains("--simulated"));
        assertDoesNotThrow(() -> parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(),
                "--scripted-pin", "123456", "--simulated"));
    }

    @Test
    void throughVpcdAScriptedPinIsAllowedBecauseTheAgentThenUsesOnlyItsOwnVpcdSlot() throws Exception {
        Path key = ticketKey();
        AgentConfig vpcd = parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(),
                "--simulated-blank", "--vpcd", "127.0.0.1:35963", "--scripted-pin-file", "pin.txt");
        assertTrue(vpcd.readerScope().allowsScriptedPins());
        assertTrue(vpcd.readerScope().includes("Virtual PCD 00 00"));
        assertFalse(vpcd.readerScope().includes("Virtual PCD 00 01"), "the other vpcd slot may hold another card");
        assertFalse(vpcd.readerScope().includes("Gemalto PC Twin Reader 00 00"));
        assertTrue(parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString(), "--simulated",
                "--vpcd", "localhost:35964", "--scripted-pin", "123456").readerScope().includes("Virtual PCD 00 01"));
        // Real readers, a vpcd elsewhere (its card is not in this computer's reader) or not at a vpcd slot: refused.
        assertFalse(parse("--origin", TestRaServer.ORIGIN, "--ticket-key", key.toString())
                .readerScope().allowsScriptedPins());
        for (String[] refused : List.of(new String[] {"--vpcd", "127.0.0.1:35963", "--scripted-pin", "123456"},
                new String[] {"--simulated", "--vpcd", "10.0.0.7:35963", "--scripted-pin", "123456"},
                new String[] {"--simulated", "--vpcd", "127.0.0.1:8080", "--scripted-pin", "123456"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--origin", TestRaServer.ORIGIN, "--ticket-key",
                    key.toString()));
            args.addAll(List.of(refused));
            assertThrows(IllegalArgumentException.class, () -> parse(args.toArray(String[]::new)),
                    () -> String.join(" ", refused));
        }
    }

    /** A card in a physical reader is invisible to a vpcd-scoped agent, even asked for by name. */
    @Test
    void aVpcdScopedAgentNeverReachesACardInAnotherReader() throws Exception {
        String physical = "Gemalto PC Twin Reader 00 00";
        String vpcd = "Virtual PCD 00 00";
        TerminalFactory factory = TerminalFactory.getInstance("CardTerminalSimulator", new String[] {physical, vpcd},
                new CardTerminalSimulator.SecurityProvider());
        new SimulatedCard().simulator().assignToTerminal(factory.terminals().getTerminal(physical));
        factory.terminals().waitForChange(1);
        try (CardAccess everyReader = new CardAccess(() -> factory, Duration.ofSeconds(5));
                CardAccess scoped = new CardAccess(() -> factory, Duration.ofSeconds(5), ReaderScope.vpcdSlot("127.0.0.1:35963"))) {
            assertEquals(List.of(physical, vpcd), everyReader.readers().stream().map(ReaderInfo::name).toList());
            assertEquals("selected", everyReader.withCard(null, piv -> "selected"));

            assertEquals(List.of(vpcd), scoped.readers().stream().map(ReaderInfo::name).toList());
            assertEquals(ErrorCode.CARD_ABSENT, assertThrows(AgentException.class, () -> scoped.withCard(null, piv -> "")).code());
            assertEquals(ErrorCode.READER_NOT_FOUND, assertThrows(AgentException.class,
                    () -> scoped.withCard(physical, piv -> "")).code());

            new SimulatedCard().simulator().assignToTerminal(factory.terminals().getTerminal(vpcd));
            factory.terminals().waitForChange(1);
            assertEquals("selected", scoped.withCard(null, piv -> "selected"));
        }
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
        Path key = ticketKey();
        assertThrows(IllegalArgumentException.class, () -> parse("--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString(), "--scripted-pin-file", "pin.txt"));
        assertThrows(IllegalArgumentException.class, () -> parse("--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString(), "--simulated", "--scripted-pin-file", "pin.txt", "--scripted-pin", "1"));
        assertEquals(Path.of("pin.txt"), parse("--origin", TestRaServer.ORIGIN, "--ticket-key",
                key.toString(), "--simulated-blank", "--scripted-pin-file", "pin.txt").scriptedPinFile());
    }

    @Test
    void anOriginMustBeExactlySchemeHostPort() throws Exception {
        Path key = ticketKey();
        assertThrows(IllegalArgumentException.class, () -> parse("--origin", "https://ra.example/", "--ticket-key",
                key.toString()));
    }

    private static Path ticketKey() throws Exception {
        return AgentConfigTest.ticketKeyFile(new TestRaServer().publicKey());
    }

    /** A development build's command line (these rules hold for production builds too). */
    private static AgentConfig parse(String... args) throws Exception {
        return AgentConfigTest.inDevelopment(args);
    }
}
