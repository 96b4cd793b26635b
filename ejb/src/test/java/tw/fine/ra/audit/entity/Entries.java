package tw.fine.ra.audit.entity;

/** Test helper: a record as the database would give it back, read raw. */
public final class Entries {

    private Entries() {
    }

    public static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.getSeq(), r.getRecordedAt(), r.getActor(), r.getActorRole(), r.getClientAddress(),
                r.getEvent().name(), r.getOutcome().name(), r.getSubject(), r.getDetail(), r.getPrevHash(), r.getHash());
    }
}
