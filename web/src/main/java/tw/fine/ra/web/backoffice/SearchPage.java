package tw.fine.ra.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tw.fine.ra.approval.boundary.PasswordResets;
import tw.fine.ra.registration.boundary.SubscriberSearch;

/**
 * Search organizations and subscribers (clerks and officers), with what each may do next for a
 * subscriber: a clerk enters a reset form for it, an officer reviews its pending form.
 */
@Named
@ViewScoped
public class SearchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubscriberSearch directory;

    @Inject
    PasswordResets resets;

    private String query;
    private List<SubscriberSearch.Row> rows = List.of();
    private Set<String> resetPending = Set.of();
    private boolean searched;

    public void search() {
        rows = directory.search(query);
        resetPending = rows.isEmpty() ? Set.of()
                : resets.pending().stream().map(PasswordResets.Pending::subscriberId).collect(Collectors.toSet());
        searched = true;
    }

    /** A subscriber with a reset form waiting: no second form can be entered, an officer can decide it. */
    public boolean isResetPending(SubscriberSearch.Row row) {
        return resetPending.contains(row.subscriberId());
    }

    public boolean mayEnterReset(SubscriberSearch.Row row) {
        return inRole("CLERK") && !isResetPending(row);
    }

    public boolean mayReview(SubscriberSearch.Row row) {
        return inRole("OFFICER") && isResetPending(row);
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<SubscriberSearch.Row> getRows() { return rows; }
    public boolean isSearched() { return searched; }
}
