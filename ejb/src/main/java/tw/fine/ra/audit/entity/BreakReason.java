package tw.fine.ra.audit.entity;

/** Why the chain does not hold at a record. */
public enum BreakReason {
    /** The record's fields no longer match its hash: a column was edited. */
    HASH_MISMATCH,
    /** The record does not carry its predecessor's hash: it was edited, replaced or moved. */
    BROKEN_LINK,
    /** A sequence number is missing or out of place: a record was deleted or renumbered. */
    SEQUENCE_GAP,
    /** The head row disagrees with the last record: the head or the end of the chain was edited. */
    HEAD_MISMATCH
}
