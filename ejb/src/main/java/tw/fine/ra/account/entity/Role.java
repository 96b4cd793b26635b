package tw.fine.ra.account.entity;

/** The role of an account and the site area it may sign in to. */
public enum Role {
    SUBSCRIBER(Area.SUBSCRIBER),
    CLERK(Area.BACK_OFFICE),
    OFFICER(Area.BACK_OFFICE),
    AUDITOR(Area.BACK_OFFICE);

    /** The two sign-in areas: the subscriber site and the back office. */
    public enum Area { SUBSCRIBER, BACK_OFFICE }

    private final Area area;

    Role(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }
}
