package tw.fine.ra.web.support;

import java.util.Set;
import tw.fine.ra.web.security.Area;

/**
 * The menus of both areas, in their order: the subscriber site follows the seed's menu
 * (SPEC §3: home, application, renewal, download, revocation, certificate information,
 * suspend/resume, website password, card PIN, …, sign-out), with the functions that are not built
 * yet left out rather than shown dead. A new page adds its line here, at its place.
 */
public enum MenuItem {

    SUBSCRIBER_HOME(Area.SUBSCRIBER, "home", "/app/index.xhtml", "menu.home", "SUBSCRIBER"),
    APPLY(Area.SUBSCRIBER, "apply", "/app/apply.xhtml", "menu.apply", "SUBSCRIBER"),
    // §3.3 renewal comes here
    DOWNLOAD(Area.SUBSCRIBER, "download", "/app/download.xhtml", "menu.download", "SUBSCRIBER"),
    // §3.5 revocation comes here
    CERTIFICATES(Area.SUBSCRIBER, "certificates", "/app/certificates.xhtml", "menu.certificates", "SUBSCRIBER"),
    HOLD(Area.SUBSCRIBER, "hold", "/app/hold.xhtml", "menu.hold", "SUBSCRIBER"),
    SUBSCRIBER_PASSWORD(Area.SUBSCRIBER, "password", "/app/password.xhtml", "menu.password", "SUBSCRIBER"),
    // §3.9–3.13 (card PIN, PIN reset, import, environment check) come here; §3.14 sign-out is in the header

    BACK_OFFICE_HOME(Area.BACK_OFFICE, "home", "/admin/index.xhtml", "menu.home", "CLERK", "OFFICER", "AUDITOR"),
    REGISTER(Area.BACK_OFFICE, "register", "/admin/register.xhtml", "menu.register", "CLERK"),
    RESET_REQUEST(Area.BACK_OFFICE, "reset-request", "/admin/reset-request.xhtml", "menu.reset-request", "CLERK"),
    APPROVALS(Area.BACK_OFFICE, "approvals", "/admin/approvals.xhtml", "menu.approvals", "OFFICER"),
    SEARCH(Area.BACK_OFFICE, "search", "/admin/search.xhtml", "menu.search", "CLERK", "OFFICER"),
    PERSONALIZE(Area.BACK_OFFICE, "personalize", "/admin/personalize.xhtml", "menu.personalize", "CLERK"),
    AUDIT(Area.BACK_OFFICE, "audit", "/admin/audit.xhtml", "menu.audit", "AUDITOR"),
    BACK_OFFICE_PASSWORD(Area.BACK_OFFICE, "password", "/admin/password.xhtml", "menu.password",
            "CLERK", "OFFICER", "AUDITOR");

    private final Area area;
    private final String id;
    private final String path;
    private final String labelKey;
    private final Set<String> roles;

    MenuItem(Area area, String id, String path, String labelKey, String... roles) {
        this.area = area;
        this.id = id;
        this.path = path;
        this.labelKey = labelKey;
        this.roles = Set.of(roles);
    }

    public Area area() { return area; }
    /** The element id, {@code m-<id>}, stable for tests. */
    public String getId() { return "m-" + id; }
    public String getPath() { return path; }
    public String getLabelKey() { return labelKey; }
    public Set<String> roles() { return roles; }
}
