package tw.fine.ra.card.protocol.piv;

/** The card answered a status word other than 9000; callers branch on {@link #statusWord()}. */
public final class CardStatusException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int statusWord;

    public CardStatusException(String command, int statusWord) {
        super(String.format("%s answered %04X", command, statusWord));
        this.statusWord = statusWord;
    }

    public int statusWord() {
        return statusWord;
    }

    /** Tries left when the card answered 63Cx, 0 when blocked (6983), -1 otherwise. */
    public int triesLeft() {
        if ((statusWord & 0xFFF0) == 0x63C0) {
            return statusWord & 0x0F;
        }
        return statusWord == 0x6983 ? 0 : -1;
    }
}
