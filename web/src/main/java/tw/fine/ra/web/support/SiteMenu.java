package tw.fine.ra.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import tw.fine.ra.web.security.Area;

/** The menu of the page being shown: its area's items that the signed-in role may open. */
@Named
@RequestScoped
public class SiteMenu {

    public List<MenuItem> getItems() {
        HttpServletRequest request = Pages.request();
        Area area = Area.of(currentPath());
        return Arrays.stream(MenuItem.values())
                .filter(item -> item.area() == area)
                .filter(item -> item.roles().stream().anyMatch(request::isUserInRole))
                .toList();
    }

    /** {@code "page"} for the item of the page being shown, else null (no attribute). */
    public String current(MenuItem item) {
        return item.getPath().equals(currentPath()) ? "page" : null;
    }

    private static String currentPath() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId();
    }
}
