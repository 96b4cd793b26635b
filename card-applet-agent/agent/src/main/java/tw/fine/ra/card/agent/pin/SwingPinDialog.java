package tw.fine.ra.card.agent.pin;

import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;
import tw.fine.ra.card.agent.core.Messages;
import tw.fine.ra.card.protocol.piv.Pin;

import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import java.awt.GridLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Locale;

/** The agent's own PIN window: names the requesting site and the operation, always on top. */
public final class SwingPinDialog implements PinSource {

    /** The dialog's content: who asks, for what, tries left, and one masked field per key. */
    static JPanel panel(PinPrompt prompt, JPasswordField[] fields, String... fieldKeys) {
        Locale locale = prompt.locale();
        String operation = Messages.get(locale, "operation." + prompt.operation().wireName());
        JPanel panel = new JPanel(new GridLayout(0, 1, 0, 4));
        panel.add(new JLabel(Messages.get(locale, "pin.prompt", prompt.origin(), operation)));
        if (prompt.triesLeft() >= 0) {
            panel.add(new JLabel(Messages.get(locale, "pin.triesLeft", prompt.triesLeft())));
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields.length > 1) {
                panel.add(new JLabel(Messages.get(locale, fieldKeys[i])));
            }
            fields[i] = new JPasswordField(8);
            panel.add(fields[i]);
        }
        return panel;
    }

    @Override
    public char[] currentPin(PinPrompt prompt) throws AgentException {
        char[][] pins = ask(prompt, "pin.prompt");
        return pins[0];
    }

    @Override
    public NewPin newPin(PinPrompt prompt, boolean askCurrent) throws AgentException {
        char[][] pins = askCurrent ? ask(prompt, "pin.old", "pin.new", "pin.confirm") : ask(prompt, "pin.new", "pin.confirm");
        char[] current = askCurrent ? pins[0] : null;
        char[] fresh = pins[pins.length - 2];
        char[] confirm = pins[pins.length - 1];
        try {
            if (!Arrays.equals(fresh, confirm) || !Pin.isWellFormed(fresh)) {
                if (current != null) {
                    Arrays.fill(current, '\0');
                }
                Arrays.fill(fresh, '\0');
                throw new AgentException(ErrorCode.PIN_MISMATCH, "new PINs differ or are malformed");
            }
            return new NewPin(current, fresh);
        } finally {
            Arrays.fill(confirm, '\0');
        }
    }

    private static char[][] ask(PinPrompt prompt, String... fieldKeys) throws AgentException {
        Locale locale = prompt.locale();
        JPasswordField[] fields = new JPasswordField[fieldKeys.length];
        JPanel panel = panel(prompt, fields, fieldKeys);
        int[] choice = new int[1];
        try {
            SwingUtilities.invokeAndWait(() -> choice[0] = JOptionPane.showOptionDialog(null, panel,
                    Messages.get(locale, "pin.title"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE, null,
                    new Object[] {Messages.get(locale, "pin.ok"), Messages.get(locale, "pin.cancel")}, null));
        } catch (InterruptedException | InvocationTargetException e) {
            throw new AgentException(ErrorCode.PIN_CANCELLED, "dialog failed: " + e);
        }
        char[][] values = new char[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].getPassword();
            fields[i].setText("");
        }
        if (choice[0] != 0) {
            for (char[] value : values) {
                Arrays.fill(value, '\0');
            }
            throw new AgentException(ErrorCode.PIN_CANCELLED, "cancelled by the card holder");
        }
        return values;
    }
}
