package tw.fine.ra.audit.entity;

import java.io.Serializable;

/**
 * The outcome of walking the chain: intact up to {@code lastSeq}, or broken first at
 * {@code brokenSeq} for {@code reason}.
 */
public record ChainVerdict(long lastSeq, long brokenSeq, BreakReason reason) implements Serializable {

    public static ChainVerdict intact(long lastSeq) {
        return new ChainVerdict(lastSeq, 0, null);
    }

    public static ChainVerdict broken(long seq, BreakReason reason) {
        return new ChainVerdict(0, seq, reason);
    }

    public boolean isIntact() {
        return reason == null;
    }

    @Override
    public String toString() {
        return isIntact() ? "intact up to seq " + lastSeq : "broken at seq " + brokenSeq + ": " + reason;
    }
}
