package tw.fine.ra.card.agent.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.core.ErrorCode;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

class CardErrorsTest {

    private static final CardException CUT_OFF =
            new CardException("sun.security.smartcardio.PCSCException: SCARD_E_NOT_TRANSACTED");

    @Test
    void aCommandCutOffByACardThatPCSCReportsGoneAMomentLaterIsARemovedCard() {
        assertEquals(ErrorCode.CARD_REMOVED, CardErrors.translate(CUT_OFF, new Reader(300)).code());
    }

    @Test
    void aFailedCommandWithTheCardStillThereIsACardError() {
        assertEquals(ErrorCode.CARD_ERROR, CardErrors.translate(CUT_OFF, new Reader(Long.MAX_VALUE)).code());
    }

    /** A reader whose card PC/SC reports gone {@code goneAfterMillis} after the failure. */
    private static final class Reader extends CardTerminal {
        private final long goneAt;

        Reader(long goneAfterMillis) {
            long now = System.currentTimeMillis();
            this.goneAt = goneAfterMillis == Long.MAX_VALUE ? Long.MAX_VALUE : now + goneAfterMillis;
        }

        @Override
        public String getName() {
            return "reader";
        }

        @Override
        public Card connect(String protocol) throws CardException {
            throw new CardException("not in this test");
        }

        @Override
        public boolean isCardPresent() {
            return System.currentTimeMillis() < goneAt;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return isCardPresent();
        }

        @Override
        public boolean waitForCardAbsent(long timeout) throws CardException {
            long deadline = System.currentTimeMillis() + timeout;
            while (isCardPresent()) {
                if (System.currentTimeMillis() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new CardException(e);
                }
            }
            return true;
        }
    }
}
