package tw.fine.ra.card.agent.pin;

import java.util.Arrays;

/** A PIN change: the current PIN (null when the server authorizes the reset) and the new one. */
public record NewPin(char[] current, char[] fresh) implements AutoCloseable {

    @Override
    public void close() {
        if (current != null) {
            Arrays.fill(current, '\0');
        }
        Arrays.fill(fresh, '\0');
    }
}
