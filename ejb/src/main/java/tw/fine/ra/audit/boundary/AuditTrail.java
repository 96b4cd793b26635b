package tw.fine.ra.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditHead;
import tw.fine.ra.audit.entity.Outcome;

/** Appends to the audit chain. */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records a success inside the caller's transaction: if the caller rolls back, so does the
     * record, and the trail never claims an action that did not happen.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void success(Actor who, AuditEvent event, String subject, String detail) {
        append(who, event, Outcome.SUCCESS, subject, detail);
    }

    /** Records a failure in its own transaction, so it survives the caller's rollback. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failure(Actor who, AuditEvent event, String subject, String detail) {
        append(who, event, Outcome.FAILURE, subject, detail);
    }

    /**
     * Records, in its own transaction, that something began: it stays whatever becomes of what
     * began (an export the reader broke off still shows who started it, and what).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(Actor who, AuditEvent event, String subject, String detail) {
        append(who, event, Outcome.SUCCESS, subject, "started " + detail);
    }

    private void append(Actor who, AuditEvent event, Outcome outcome, String subject, String detail) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        em.persist(head.append(clock.instant(), who, event, outcome, subject, detail));
    }
}
