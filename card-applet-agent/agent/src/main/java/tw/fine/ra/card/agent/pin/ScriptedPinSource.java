package tw.fine.ra.card.agent.pin;

import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * PINs from a script, for tests and the simulated demo. It can only be built around a
 * {@link SimulatedEnvironment}, which real-reader mode never creates: no configuration switch
 * can make a real card accept PINs nobody typed.
 */
public final class ScriptedPinSource implements PinSource {

    private final Deque<String> answers = new ArrayDeque<>();
    private final String fallback;
    private Runnable beforeAnswer = () -> { };

    /** Answers queued entries first, then {@code fallback} (null: cancel) for ever. */
    public ScriptedPinSource(SimulatedEnvironment simulatedOnly, String fallback) {
        Objects.requireNonNull(simulatedOnly, "scripted PINs need the simulated card");
        this.fallback = fallback;
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
        String answer = answers.isEmpty() ? fallback : answers.poll();
        if (answer == null) {
            throw new AgentException(ErrorCode.PIN_CANCELLED, "script has no more PINs");
        }
        return answer.toCharArray();
    }
}
