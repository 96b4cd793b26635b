package tw.fine.ra.audit.entity;

/**
 * Who did something, in which role, from where. For a failed sign-in the name is the account
 * name that was tried, whether or not it exists.
 */
public record Actor(String name, String role, String clientAddress) {

    public static final String SYSTEM_ROLE = "SYSTEM";

    public Actor {
        name = clip(name, 64);
        role = clip(role, 16);
        clientAddress = clip(clientAddress, 64);
    }

    public static Actor system(String name) {
        return new Actor(name, SYSTEM_ROLE, "-");
    }

    private static String clip(String s, int max) {
        String v = s == null || s.isBlank() ? "-" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
