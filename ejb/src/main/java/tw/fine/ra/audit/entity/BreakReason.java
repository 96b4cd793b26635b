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
    HEAD_MISMATCH,
    /**
     * The record of the last signed checkpoint is gone: the trail was truncated at or before it
     * (the head row "fixed" to match hides this from the chain alone).
     */
    CHECKPOINT_TRUNCATED,
    /**
     * The record of the last signed checkpoint has another hash now: the trail was rewritten at or
     * before it, with the hashes after the edit recomputed.
     */
    CHECKPOINT_REWRITTEN,
    /** The last checkpoint kept outside the database does not carry a valid signature of the audit key. */
    CHECKPOINT_FORGED,
    /** The checkpoints in the database disagree with the copy outside it: one of them was edited or lost. */
    CHECKPOINT_TABLE_MISMATCH
}
