package tw.fine.ra.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tw.fine.ra.audit.boundary.AuditFilter;
import tw.fine.ra.audit.entity.AuditRecord;

/** Finds records by filter. Only the parts of a filter that are set become conditions. */
@Dependent
public class AuditSearch {

    static final int EXPORT_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    /** Newest first, as an auditor reads a trail. */
    public List<AuditRecord> page(AuditFilter filter, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> q = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> r = q.from(AuditRecord.class);
        q.select(r).where(conditions(cb, r, filter, null)).orderBy(cb.desc(r.get("seq")));
        return em.createQuery(q).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<AuditRecord> r = q.from(AuditRecord.class);
        q.select(cb.count(r)).where(conditions(cb, r, filter, null));
        return em.createQuery(q).getSingleResult();
    }

    /**
     * Hands every matching record to {@code each} in sequence order, a page at a time, so that an
     * export of the whole trail does not hold it in memory.
     *
     * @return how many records were handed over
     */
    public long forEach(AuditFilter filter, Consumer<AuditRecord> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Long after = null;
        long total = 0;
        List<AuditRecord> page;
        do {
            CriteriaQuery<AuditRecord> q = cb.createQuery(AuditRecord.class);
            Root<AuditRecord> r = q.from(AuditRecord.class);
            q.select(r).where(conditions(cb, r, filter, after)).orderBy(cb.asc(r.get("seq")));
            page = em.createQuery(q).setMaxResults(EXPORT_PAGE).getResultList();
            for (AuditRecord record : page) {
                each.accept(record);
                after = record.getSeq();
            }
            total += page.size();
            em.clear();
        } while (page.size() == EXPORT_PAGE);
        return total;
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditRecord> r, AuditFilter f, Long afterSeq) {
        List<Predicate> all = new ArrayList<>();
        if (afterSeq != null) {
            all.add(cb.gt(r.get("seq"), afterSeq));
        }
        if (f.from() != null) {
            all.add(cb.greaterThanOrEqualTo(r.get("recordedAt"), f.from()));
        }
        if (f.to() != null) {
            all.add(cb.lessThan(r.get("recordedAt"), f.to()));
        }
        if (f.actor() != null) {
            all.add(cb.like(cb.lower(r.get("actor")), "%" + escapeLike(f.actor().toLowerCase(Locale.ROOT)) + "%", '\\'));
        }
        if (f.event() != null) {
            all.add(cb.equal(r.get("event"), f.event().name()));
        }
        if (f.outcome() != null) {
            all.add(cb.equal(r.get("outcome"), f.outcome().name()));
        }
        return all.toArray(Predicate[]::new);
    }

    /** A name containing % or _ is searched for literally. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
