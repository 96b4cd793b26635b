package tw.fine.ra.card.agent;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.PcscTerminals;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.Agent;
import tw.fine.ra.card.agent.core.CodeSignature;
import tw.fine.ra.card.agent.core.Messages;
import tw.fine.ra.card.agent.http.LocalHttpTransport;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.agent.pin.ScriptedPinSource;
import tw.fine.ra.card.agent.pin.SwingPinDialog;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

import javax.smartcardio.TerminalFactory;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Starts the agent: checks its own signature, picks the card world, serves 127.0.0.1. */
public final class AgentMain {

    private static final int EXIT_USAGE = 64;
    private static final int EXIT_SIGNATURE = 65;

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        Locale locale = Locale.getDefault().getLanguage().equals("en") ? Locale.ENGLISH : Messages.DEFAULT;
        AgentConfig config;
        try {
            config = AgentConfig.parse(AgentConfig.pinnedTicketKey(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e instanceof AgentConfig.Refused refused ? Messages.get(locale, refused.key) : e.getMessage());
            System.err.println(Messages.get(locale, "agent.usage"));
            System.exit(EXIT_USAGE);
            return;
        }
        if (config.development()) {
            System.err.println(Messages.get(locale, "agent.development", TicketKeys.fingerprint(config.ticketKey())));
        }
        CodeSignature signature = CodeSignature.ofRunningAgent();
        if (!checkSignature(signature, config, locale)) {
            System.exit(EXIT_SIGNATURE);
            return;
        }
        LocalHttpTransport transport = start(config, signature, locale);
        System.out.println(Messages.get(locale, "agent.started", "http://127.0.0.1:" + transport.port()));
        Thread.currentThread().join();
    }

    /** A tampered jar never runs; an unsigned one only beside the simulator or when explicitly allowed. */
    private static boolean checkSignature(CodeSignature signature, AgentConfig config, Locale locale) {
        switch (signature.state()) {
            case SIGNED:
                return true;
            case INVALID:
                System.err.println(Messages.get(locale, "agent.signatureInvalid"));
                return false;
            default:
                System.err.println(Messages.get(locale, "agent.unsigned"));
                return config.simulated() || config.allowUnsigned();
        }
    }

    static LocalHttpTransport start(AgentConfig config, CodeSignature signature, Locale locale) throws java.io.IOException {
        PinSource pins;
        Supplier<TerminalFactory> factories;
        if (config.simulated()) {
            SimulatedEnvironment simulated = config.blank() ? SimulatedEnvironment.blank() : SimulatedEnvironment.personalized();
            System.out.println(config.blank() ? Messages.get(locale, "agent.simulatedBlankCard")
                    : Messages.get(locale, "agent.simulatedCard", simulated.guidHex()));
            factories = simulated::terminalFactory;
            pins = config.scriptedPin() != null ? new ScriptedPinSource(simulated, config.scriptedPin())
                    : config.scriptedPinFile() != null ? new ScriptedPinSource(simulated, config.scriptedPinFile())
                    : new SwingPinDialog();
            if (config.vpcd() != null) {
                // The simulated card goes into vsmartcard's reader; the agent (that reader only) and all
                // middleware reach it by PC/SC.
                int colon = config.vpcd().lastIndexOf(':');
                simulated.plugIntoVpcd(config.vpcd().substring(0, colon), Integer.parseInt(config.vpcd().substring(colon + 1)));
                factories = new PcscTerminals();
            }
        } else {
            if (config.pcscLibrary() != null) {
                System.setProperty("sun.security.smartcardio.library", config.pcscLibrary());
            }
            factories = new PcscTerminals();
            pins = new SwingPinDialog();
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("agent", "FINE RA card agent");
        identity.put("version", String.valueOf(AgentMain.class.getPackage().getImplementationVersion()));
        identity.put("signature", signature.toMap());
        identity.put("simulated", config.simulated());
        identity.put("development", config.development());
        identity.put("ticketKeySha256", TicketKeys.fingerprint(config.ticketKey()));
        Agent agent = new Agent(config.origins(), new CardAccess(factories, config.cardTimeout(), config.readerScope()), pins,
                ticketVerifier(config.ticketKey(), Clock.systemUTC()), config.allowPersonalization(), identity,
                Clock.systemUTC());
        return LocalHttpTransport.start(agent, config.port());
    }

    /**
     * The ticket check of a run that starts now. Its replay memory is empty, so it refuses tickets
     * issued before it (an earlier run may have spent them); it returns only once its horizon (the
     * next whole second) has passed, so every ticket a page obtains after reaching the agent is
     * accepted although {@code iat} is rounded down to the second.
     */
    static TicketVerifier ticketVerifier(ECPublicKey ticketKey, Clock clock) {
        Instant horizon = ReplayGuard.horizonAfter(clock.instant());
        for (Instant now = clock.instant(); now.isBefore(horizon); now = clock.instant()) {
            try {
                Thread.sleep(Math.max(1, Duration.between(now, horizon).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
        return new TicketVerifier(ticketKey, clock, new ReplayGuard(horizon));
    }
}
