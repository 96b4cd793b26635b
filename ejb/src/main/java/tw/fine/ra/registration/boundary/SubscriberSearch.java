package tw.fine.ra.registration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tw.fine.ra.account.boundary.Accounts;

/** Back-office search of organizations and their subscribers. */
@Stateless
@RolesAllowed({"CLERK", "OFFICER"})
public class SubscriberSearch {

    public static final int MAX_ROWS = 200;

    /** One subscriber with its organization and the state of its website account. */
    public record Row(String ubn, String organization, String contactName, String subscriberId,
            boolean locked, boolean mustChangePassword) {
    }

    private static final Accounts.State NO_ACCOUNT = new Accounts.State(false, false);

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    /** Matches the business number's start, a part of the organization name or of the subscriber ID. */
    public List<Row> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String like = "%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        List<Object[]> found = em.createQuery("select o.ubn.value, o.name, o.contact.name, s.subscriberId "
                        + "from Subscriber s join s.organization o "
                        + "where o.ubn.value like :prefix or lower(o.name) like :like or lower(s.subscriberId) like :like "
                        + "order by o.ubn.value, s.seq", Object[].class)
                .setParameter("prefix", q.replace("%", "").replace("_", "") + "%")
                .setParameter("like", like)
                .setMaxResults(MAX_ROWS)
                .getResultList();
        Map<String, Accounts.State> states = accounts.states(found.stream().map(r -> (String) r[3]).toList());
        return found.stream().map(r -> {
            Accounts.State state = states.getOrDefault((String) r[3], NO_ACCOUNT);
            return new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], state.locked(),
                    state.mustChangePassword());
        }).toList();
    }
}
