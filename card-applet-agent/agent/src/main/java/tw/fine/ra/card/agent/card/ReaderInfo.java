package tw.fine.ra.card.agent.card;

/** A reader as the page sees it. */
public record ReaderInfo(String name, boolean cardPresent) {
}
