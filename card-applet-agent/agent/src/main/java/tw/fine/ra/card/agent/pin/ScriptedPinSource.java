package tw.fine.ra.card.agent.pin;

import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * PINs from a script, for tests and the simulated demo. It can only be built around a
 * {@link SimulatedEnvironment}, which real-reader mode never creates: no configuration switch
 * can make a real card accept PINs nobody typed.
 */
public final class ScriptedPinSource implements PinSource {

    private final Deque<String> answers = new ArrayDeque<>();
    private final Supplier<String> fallback;
    private Runnable beforeAnswer = () -> { };

    /** Answers queued entries first, then {@code fallback} (null: cancel) for ever. */
    public ScriptedPinSource(SimulatedEnvironment simulatedOnly, String fallback) {
        this(simulatedOnly, () -> fallback);
    }

    /**
     * Answers queued entries first, then the PIN written in {@code file} when asked (no file: cancel):
     * for a card personalized at the RA, whose PIN only its mailer shows, read after the agent started.
     */
    public ScriptedPinSource(SimulatedEnvironment simulatedOnly, Path file) {
        this(simulatedOnly, () -> read(file));
    }

    private ScriptedPinSource(SimulatedEnvironment simulatedOnly, Supplier<String> fallback) {
        Objects.requireNonNull(simulatedOnly, "scripted PINs need the simulated card");
        this.fallback = fallback;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized ScriptedPinSource then(String... pins) {
        answers.addAll(java.util.List.of(pins));
        return this;
    }

    /** Runs before each answer: tests use it to pull the card while the "user" types. */
    public synchronized void beforeEachAnswer(Runnable hook) {
        this.beforeAnswer = hook;
    }

    @Override
    public synchronized char[] currentPin(PinPrompt prompt) throws AgentException {
        beforeAnswer.run();
        return next();
    }

    @Override
    public synchronized NewPin newPin(PinPrompt prompt, boolean askCurrent) throws AgentException {
        beforeAnswer.run();
        char[] current = askCurrent ? next() : null;
        return new NewPin(current, next());
    }

    private char[] next() throws AgentException {
        String answer = answers.isEmpty() ? fallback.get() : answers.poll();
        if (answer == null) {
            throw new AgentException(ErrorCode.PIN_CANCELLED, "script has no more PINs");
        }
        return answer.toCharArray();
    }
}
