package tw.fine.ra.audit.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which records an auditor wants; every part is optional. {@code from} is inclusive, {@code to}
 * exclusive; {@code actor} matches any part of the name, ignoring case.
 */
public record AuditFilter(Instant from, Instant to, String actor, AuditEvent event, Outcome outcome)
        implements Serializable {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    /** For the audit record of an export: what was asked for. */
    public String describe() {
        return "from=" + orAny(from) + " to=" + orAny(to) + " actor=" + orAny(actor) + " event=" + orAny(event)
                + " outcome=" + orAny(outcome);
    }

    private static String orAny(Object part) {
        return part == null ? "*" : part.toString();
    }
}
