package tw.fine.ra.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.List;
import tw.fine.ra.audit.control.AuditCsv;
import tw.fine.ra.audit.control.AuditSearch;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.entity.ChainVerdict;

/**
 * What auditors do with the trail: read, export, verify. Only auditors; exports and
 * verifications are themselves recorded. Separate from {@link AuditTrail}, which every
 * capability calls whoever is signed in.
 */
@Stateless
@RolesAllowed(AuditReading.AUDITOR)
public class AuditReading {

    public static final String AUDITOR = "AUDITOR";

    static final String SUBJECT = "audit_record";

    @Inject
    AuditSearch search;

    @Inject
    AuditTrail trail;

    @Inject
    AuditCheckpoints checkpoints;

    @Resource
    SessionContext caller;

    public List<AuditEntry> find(AuditFilter filter, int first, int max) {
        return search.page(filter, first, max);
    }

    public long count(AuditFilter filter) {
        return search.count(filter);
    }

    /**
     * Writes the matching records as CSV to {@code out}; recorded when it starts (kept even if the
     * export breaks off) and again with the row count once all are written.
     */
    public void export(AuditFilter filter, String clientAddress, OutputStream out) {
        trail.started(auditor(clientAddress), AuditEvent.AUDIT_EXPORTED, SUBJECT, filter.describe());
        long rows;
        try (AuditCsv csv = new AuditCsv(out)) {
            rows = search.forEach(filter, csv::add);
        }
        trail.success(auditor(clientAddress), AuditEvent.AUDIT_EXPORTED, SUBJECT,
                "rows=" + rows + " " + filter.describe());
    }

    /**
     * Walks the whole chain and holds it against the latest signed checkpoint kept outside the
     * database; an intact chain's head is signed into a new checkpoint. A broken chain is recorded as
     * a failure, in its own transaction, so that a search for failures finds it, and is not signed.
     */
    public ChainVerdict verify(String clientAddress) {
        ChainVerdict verdict = checkpoints.verifyAndSign();
        if (verdict.isIntact()) {
            trail.success(auditor(clientAddress), AuditEvent.AUDIT_VERIFIED, SUBJECT, verdict.toString());
        } else {
            trail.failure(auditor(clientAddress), AuditEvent.AUDIT_VERIFIED, SUBJECT, verdict.toString());
        }
        return verdict;
    }

    private Actor auditor(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), AUDITOR, clientAddress);
    }
}
