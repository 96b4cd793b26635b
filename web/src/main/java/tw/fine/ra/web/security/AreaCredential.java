package tw.fine.ra.web.security;

import jakarta.security.enterprise.credential.Credential;
import java.util.Arrays;
import tw.fine.ra.account.entity.Role;

/**
 * An account name and password offered to one area of the site. Lives only inside one sign-in
 * request; {@link #clear()} wipes the password.
 */
public final class AreaCredential implements Credential {

    private final Role.Area area;
    private final String login;
    private final char[] password;
    private final String clientAddress;
    private boolean mustChangePassword;
    private int sessionEpoch;

    public AreaCredential(Role.Area area, String login, char[] password, String clientAddress) {
        this.area = area;
        this.login = login;
        this.password = password;
        this.clientAddress = clientAddress;
    }

    public Role.Area area() { return area; }
    public String login() { return login; }
    public char[] password() { return password; }
    public String clientAddress() { return clientAddress; }

    /** Set by the identity store when the account signs in with an initial or reset password. */
    public boolean mustChangePassword() { return mustChangePassword; }

    void mustChangePassword(boolean value) { mustChangePassword = value; }

    /** Set by the identity store: the account's session epoch the new session holds. */
    public int sessionEpoch() { return sessionEpoch; }

    void sessionEpoch(int value) { sessionEpoch = value; }

    @Override
    public void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean isCleared() {
        for (char c : password) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }
}
