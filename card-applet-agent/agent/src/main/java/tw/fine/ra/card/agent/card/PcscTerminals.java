package tw.fine.ra.card.agent.card;

import javax.smartcardio.TerminalFactory;
import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operating system's readers. {@link CardAccess} asks again after a PC/SC failure; from the
 * second call on, the JDK's process-wide PC/SC context and its cached readers are forgotten first,
 * because after a service restart they stay dead for the life of the JVM (the jar's manifest opens
 * {@code sun.security.smartcardio} for this; without it the agent needs a restart instead).
 * {@code TerminalFactory.getDefault()} is never used: it caches a reader-less stand-in for ever.
 */
public final class PcscTerminals implements Supplier<TerminalFactory> {

    /** Thrown when no PC/SC service answers (not installed, not running). */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(Throwable cause) {
            super("PC/SC service unavailable: " + cause.getMessage(), cause);
        }
    }

    private boolean used;

    @Override
    public synchronized TerminalFactory get() {
        if (used) {
            forgetJdkContext();
        }
        used = true;
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw new UnavailableException(e);
        }
    }

    /** True if the JDK internals could be reset (the package is opened to us). */
    static boolean forgetJdkContext() {
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
