package tw.fine.ra.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditFilter;

/** Finds records by filter. Only the parts of a filter that are set become conditions. */
@Dependent
public class AuditSearch {

    static final int EXPORT_PAGE = 500;

    /*
     * Every column as stored. Event and outcome are cast to text in SQL, so that a row holding
     * text that is no enum name still reads (see AuditEntry). JPQL rather than criteria: JPA 3.1
     * criteria have no SQL cast.
     */
    private static final String ENTRY = "select new " + AuditEntry.class.getName() + "(r.seq, r.recordedAt,"
            + " r.actor, r.actorRole, r.clientAddress, cast(r.event as String), cast(r.outcome as String),"
            + " r.subject, r.detail, r.prevHash, r.hash) from AuditRecord r";

    @PersistenceContext
    EntityManager em;

    /** Newest first, as an auditor reads a trail. */
    public List<AuditEntry> page(AuditFilter filter, int first, int max) {
        return query(ENTRY, new Conditions(filter), " order by r.seq desc", AuditEntry.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(AuditFilter filter) {
        return query("select count(r) from AuditRecord r", new Conditions(filter), "", Long.class).getSingleResult();
    }

    /**
     * Hands every matching record to {@code each} in sequence order, a page at a time, so that an
     * export of the whole trail does not hold it in memory.
     *
     * @return how many records were handed over
     */
    public long forEach(AuditFilter filter, Consumer<AuditEntry> each) {
        long after = Long.MIN_VALUE;
        long total = 0;
        List<AuditEntry> page;
        do {
            page = ascending(filter, after, Long.MAX_VALUE, EXPORT_PAGE);
            for (AuditEntry entry : page) {
                each.accept(entry);
                after = entry.seq();
            }
            total += page.size();
        } while (page.size() == EXPORT_PAGE);
        return total;
    }

    /** At most {@code max} matching records numbered above {@code after} up to {@code upTo}, in order. */
    public List<AuditEntry> ascending(AuditFilter filter, long after, long upTo, int max) {
        Conditions where = new Conditions(filter).add("r.seq > :after", "after", after).add("r.seq <= :upTo", "upTo", upTo);
        return query(ENTRY, where, " order by r.seq", AuditEntry.class).setMaxResults(max).getResultList();
    }

    private <T> TypedQuery<T> query(String select, Conditions where, String order, Class<T> type) {
        TypedQuery<T> q = em.createQuery(select + where.jpql() + order, type);
        where.params.forEach(p -> q.setParameter(p.name(), p.value()));
        return q;
    }

    private record Param(String name, Object value) {
    }

    /** The where clause of a filter, with its parameters. */
    private static final class Conditions {

        private final List<String> clauses = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();

        Conditions(AuditFilter f) {
            add("r.recordedAt >= :from", "from", f.from());
            add("r.recordedAt < :to", "to", f.to());
            add("lower(r.actor) like :actor escape '\\'", "actor",
                    f.actor() == null ? null : "%" + escapeLike(f.actor().toLowerCase(Locale.ROOT)) + "%");
            add("r.event = :event", "event", f.event());
            add("r.outcome = :outcome", "outcome", f.outcome());
        }

        /** Adds the clause only when there is a value to compare with. */
        Conditions add(String clause, String name, Object value) {
            if (value != null) {
                clauses.add(clause);
                params.add(new Param(name, value));
            }
            return this;
        }

        String jpql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }
    }

    /** A name containing % or _ is searched for literally. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
