package tw.fine.ra.card.agent;

import tw.fine.ra.card.agent.card.ReaderScope;
import tw.fine.ra.card.protocol.ticket.TicketKeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line configuration; anything missing or contradictory stops the agent before it listens.
 * The RA's ticket key comes from the signed jar (a production build pins it, ADR 0007); only a
 * development build, started with {@code --development}, takes it from {@code --ticket-key}.
 */
record AgentConfig(int port, Set<String> origins, ECPublicKey ticketKey, boolean development, boolean simulated,
                   boolean blank, String scriptedPin, Path scriptedPinFile,
                   String pcscLibrary, boolean allowPersonalization, boolean allowUnsigned, Duration cardTimeout,
                   String vpcd) {

    static final int DEFAULT_PORT = 31520;
    /** Where a production build puts the RA's ticket key (PEM) inside the jar, under its signature. */
    static final String PINNED_TICKET_KEY = "ticket-key.pem";

    /** The ticket key this jar pins, if it is a production build. */
    static Optional<ECPublicKey> pinnedTicketKey() throws IOException {
        try (InputStream pem = AgentConfig.class.getResourceAsStream(PINNED_TICKET_KEY)) {
            return pem == null ? Optional.empty()
                    : Optional.of(TicketKeys.fromPem(new String(pem.readAllBytes(), StandardCharsets.US_ASCII)));
        }
    }

    /** {@code pinned}: the key the jar pins ({@link #pinnedTicketKey}), empty in a development build. */
    static AgentConfig parse(Optional<ECPublicKey> pinned, String... args) throws IOException {
        int port = DEFAULT_PORT;
        Set<String> origins = new LinkedHashSet<>();
        ECPublicKey ticketKey = null;
        boolean development = false;
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
                case "--development" -> development = true;
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
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("--origin is required");
        }
        ticketKey = ticketKey(pinned, development, ticketKey);
        if (scriptedPin != null && scriptedPinFile != null) {
            throw new IllegalArgumentException("--scripted-pin and --scripted-pin-file exclude each other");
        }
        if (vpcd != null && !simulated) {
            throw new IllegalArgumentException("--vpcd needs --simulated");
        }
        AgentConfig config = new AgentConfig(port, Set.copyOf(origins), ticketKey, development, simulated, blank, scriptedPin,
                scriptedPinFile, library, personalization, unsigned, timeout, vpcd);
        if ((scriptedPin != null || scriptedPinFile != null) && !config.readerScope().allowsScriptedPins()) {
            // A real card only takes PINs a person typed into the agent's own dialog.
            throw new Refused("agent.scriptedPinsNeedSimulation", "--scripted-pin needs --simulated");
        }
        return config;
    }

    /**
     * The pinned key of a production build, which no option replaces; in a development build the
     * key named on the command line, and only with {@code --development}, so that a shortcut or
     * script cannot silently swap the trust anchor of an agent that users take for a production one.
     */
    private static ECPublicKey ticketKey(Optional<ECPublicKey> pinned, boolean development, ECPublicKey commandLine) {
        if (pinned.isPresent()) {
            if (development || commandLine != null) {
                throw new Refused("agent.ticketKeyPinned", "this build pins the RA's ticket key: --development and "
                        + "--ticket-key are for development builds only");
            }
            return pinned.get();
        }
        if (!development) {
            throw new Refused("agent.ticketKeyNeedsDevelopment", "this development build pins no ticket key: it runs "
                    + "only with --development --ticket-key FILE");
        }
        if (commandLine == null) {
            throw new Refused("agent.ticketKeyNeedsDevelopment", "--development needs --ticket-key FILE");
        }
        return commandLine;
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

    /** A refused command line whose explanation users read from the bundles ({@code key}). */
    static final class Refused extends IllegalArgumentException {
        final String key;

        Refused(String key, String detail) {
            super(detail);
            this.key = key;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
