package tw.fine.ra.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import tw.fine.ra.audit.control.ChainVerifier;
import tw.fine.ra.audit.control.Checkpoints;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.ChainVerdict;
import tw.fine.ra.audit.entity.Checkpoint;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.Settings;

/**
 * Signs the head of the chain into checkpoints kept in the database and outside it (ADR 0009):
 * at every verification and on a schedule. A chain that does not verify is never signed, so a
 * checkpoint cannot bless a tampered trail.
 */
@Stateless
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());

    static final Actor SCHEDULE = Actor.system("audit-checkpoints");

    @Inject
    ChainVerifier verifier;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditTrail trail;

    @Inject
    Outbox outbox;

    @Inject
    Settings settings;

    /**
     * Verifies the whole chain and, if it holds and grew since the last checkpoint, signs its head in
     * the caller's transaction (or a new one): the file line follows the commit, the auditors' mail
     * leaves through the outbox after it.
     */
    public ChainVerdict verifyAndSign() {
        ChainVerdict verdict = verifier.verify();
        if (verdict.isIntact() && verdict.lastSeq() > checkpoints.latestSignedSeqOutside()) {
            Checkpoint checkpoint = checkpoints.sign(verdict.lastSeq());
            for (String auditor : settings.auditCheckpointRecipients()) {
                outbox.enqueue(auditor, "FINE RA audit checkpoint at record " + checkpoint.seq(),
                        "The audit trail up to record " + checkpoint.seq() + " was verified and signed. Keep this"
                                + " line: a later verification can be held against it (ADR 0009).\n\n"
                                + checkpoint.line() + "\n");
            }
        }
        return verdict;
    }

    /** The schedule's beat: as {@link #verifyAndSign}; a broken chain is also logged and recorded as a failure. */
    public void onSchedule() {
        ChainVerdict verdict = verifyAndSign();
        if (!verdict.isIntact()) {
            LOG.severe(() -> "audit trail " + verdict + "; no checkpoint signed");
            trail.failure(SCHEDULE, AuditEvent.AUDIT_VERIFIED, AuditReading.SUBJECT, verdict.toString());
        }
    }
}
