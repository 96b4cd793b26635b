package tw.fine.ra.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import tw.fine.ra.registration.boundary.SubscriberSearch;

/** Search organizations and subscribers (clerks and officers). */
@Named
@ViewScoped
public class SearchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubscriberSearch directory;

    private String query;
    private List<SubscriberSearch.Row> rows = List.of();
    private boolean searched;

    public void search() {
        rows = directory.search(query);
        searched = true;
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<SubscriberSearch.Row> getRows() { return rows; }
    public boolean isSearched() { return searched; }
}
