package tw.fine.ra.card.agent;

import tw.fine.ra.card.agent.card.ReaderScope;
import tw.fine.ra.card.protocol.ticket.TicketKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** Command-line configuration; anything missing or contradictory stops the agent before it listens. */
record AgentConfig(int port, Set<String> origins, ECPublicKey ticketKey, boolean simulated, boolean blank, String scriptedPin,
                   Path scriptedPinFile,
                   String pcscLibrary, boolean allowPersonalization, boolean allowUnsigned, Duration cardTimeout,
                   String vpcd) {

    static final int DEFAULT_PORT = 31520;

    static AgentConfig parse(String... args) throws IOException {
        int port = DEFAULT_PORT;
        Set<String> origins = new LinkedHashSet<>();
        ECPublicKey ticketKey = null;
        boolean simulated = false;
        boolean blank = false;
        boolean personalization = false;
        boolean unsigned = false;
        String scriptedPin = null;
        Path scriptedPinFile = null;
        String library = null;
        Duration timeout = Duration.ofSeconds(60);
        String vpcd = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--origin" -> origins.add(origin(value(args, ++i)));
                case "--ticket-key" -> ticketKey = TicketKeys.fromPem(Files.readString(Path.of(value(args, ++i))));
                case "--simulated" -> simulated = true;
                case "--simulated-blank" -> {
                    simulated = true;
                    blank = true;
                }
                case "--scripted-pin" -> scriptedPin = value(args, ++i);
                case "--scripted-pin-file" -> scriptedPinFile = Path.of(value(args, ++i));
                case "--pcsc-library" -> library = value(args, ++i);
                case "--allow-personalization" -> personalization = true;
                case "--allow-unsigned" -> unsigned = true;
                case "--card-timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                case "--vpcd" -> vpcd = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (origins.isEmpty() || ticketKey == null) {
            throw new IllegalArgumentException("--origin and --ticket-key are required");
        }
        if (scriptedPin != null && scriptedPinFile != null) {
            throw new IllegalArgumentException("--scripted-pin and --scripted-pin-file exclude each other");
        }
        if (vpcd != null && !simulated) {
            throw new IllegalArgumentException("--vpcd needs --simulated");
        }
        AgentConfig config = new AgentConfig(port, Set.copyOf(origins), ticketKey, simulated, blank, scriptedPin,
                scriptedPinFile, library, personalization, unsigned, timeout, vpcd);
        if ((scriptedPin != null || scriptedPinFile != null) && !config.readerScope().allowsScriptedPins()) {
            // A real card only takes PINs a person typed into the agent's own dialog.
            throw new IllegalArgumentException("--scripted-pin needs --simulated");
        }
        return config;
    }

    /**
     * The readers this agent may use: the simulator's, the one vpcd slot its simulated card is
     * plugged into, or (real-reader mode) every PC/SC reader.
     */
    ReaderScope readerScope() {
        if (!simulated) {
            return ReaderScope.everyReader();
        }
        return vpcd == null ? ReaderScope.simulator() : ReaderScope.vpcdSlot(vpcd);
    }

    /** An origin is scheme://host[:port] exactly as browsers send it: no path, no trailing slash. */
    private static String origin(String value) {
        if (!value.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("not an origin: " + value);
        }
        return value;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
