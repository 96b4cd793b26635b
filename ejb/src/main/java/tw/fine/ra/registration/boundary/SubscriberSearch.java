package tw.fine.ra.registration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

/** Back-office search of organizations and their subscribers. */
@Stateless
@RolesAllowed({"CLERK", "OFFICER"})
public class SubscriberSearch {

    public static final int MAX_ROWS = 200;

    /** One subscriber with its organization and the state of its website account. */
    public record Row(String ubn, String organization, String contactName, String subscriberId,
            boolean locked, boolean mustChangePassword) {
    }

    @PersistenceContext
    EntityManager em;

    /** Matches the business number's start, a part of the organization name or of the subscriber ID. */
    public List<Row> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String like = "%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return em.createQuery("select o.ubn.value, o.name, o.contact.name, s.subscriberId, a.lockedAt, "
                        + "a.mustChangePassword from Account a join a.subscriber s join s.organization o "
                        + "where o.ubn.value like :prefix or lower(o.name) like :like or lower(s.subscriberId) like :like "
                        + "order by o.ubn.value, s.seq", Object[].class)
                .setParameter("prefix", q.replace("%", "").replace("_", "") + "%")
                .setParameter("like", like)
                .setMaxResults(MAX_ROWS)
                .getResultList().stream()
                .map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], r[4] != null,
                        (Boolean) r[5]))
                .toList();
    }
}
