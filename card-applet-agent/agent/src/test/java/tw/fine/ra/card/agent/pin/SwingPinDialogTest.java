package tw.fine.ra.card.agent.pin;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.ticket.Operation;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PIN window must tell the holder which site asks and for what, in the holder's language. */
class SwingPinDialogTest {

    private static final String ORIGIN = "https://ra.fine.example:8443";

    @Test
    void theChineseDialogNamesTheSiteTheOperationAndTheTriesLeft() throws Exception {
        JPasswordField[] fields = new JPasswordField[1];
        JPanel panel = SwingPinDialog.panel(new PinPrompt(ORIGIN, Operation.SIGN_CHALLENGE, 2, Locale.TRADITIONAL_CHINESE),
                fields, "pin.prompt");
        List<String> labels = labels(panel);
        assertEquals("網站 " + ORIGIN + " 要求「以晶片卡證明身分」，請輸入晶片卡密碼（PIN）：", labels.get(0));
        assertEquals("剩餘嘗試次數：2", labels.get(1));
    }

    @Test
    void theEnglishChangeDialogAsksOldNewAndConfirmation() throws Exception {
        JPasswordField[] fields = new JPasswordField[3];
        JPanel panel = SwingPinDialog.panel(new PinPrompt(ORIGIN, Operation.CHANGE_PIN, 3, Locale.ENGLISH), fields,
                "pin.old", "pin.new", "pin.confirm");
        List<String> labels = labels(panel);
        assertTrue(labels.get(0).contains(ORIGIN) && labels.get(0).contains("change the card PIN"), labels.get(0));
        assertEquals(List.of("Current card PIN:", "New card PIN (6 to 8 digits):", "New card PIN again:"), labels.subList(2, 5));
        assertEquals(3, java.util.Arrays.stream(fields).filter(f -> f.getEchoChar() != 0).count());
    }

    private static List<String> labels(JPanel panel) {
        List<String> texts = new ArrayList<>();
        for (Component c : panel.getComponents()) {
            if (c instanceof JLabel label) {
                texts.add(label.getText());
            }
        }
        return texts;
    }
}
