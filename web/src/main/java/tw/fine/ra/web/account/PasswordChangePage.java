package tw.fine.ra.web.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import tw.fine.ra.account.boundary.PasswordChanges;
import tw.fine.ra.web.security.Area;
import tw.fine.ra.web.security.ForcedPasswordChange;
import tw.fine.ra.web.support.Pages;

/** Website password change (網站密碼修改): old, new, confirm; problems shown at each field. */
@Named
@ViewScoped
public class PasswordChangePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordChanges passwordChanges;

    private String current;
    private String proposed;
    private String confirmation;

    public void change() {
        char[] c = chars(current);
        char[] p = chars(proposed);
        char[] k = chars(confirmation);
        current = proposed = confirmation = null;
        int epoch;
        try {
            epoch = passwordChanges.change(c, p, k, Pages.clientAddress());
        } catch (PasswordChanges.Rejected rejected) {
            rejected.problems().forEach((field, keys) ->
                    keys.forEach(key -> Pages.error("password:" + field, key, passwordChanges.minLength())));
            return;
        } finally {
            Arrays.fill(c, '\0');
            Arrays.fill(p, '\0');
            Arrays.fill(k, '\0');
        }
        SignOut.passwordChanged(Pages.request(), epoch);
        Pages.request().getSession().removeAttribute(ForcedPasswordChange.SESSION_FLAG);
        Pages.info("password.change.done");
        Pages.redirect(Area.of(Pages.request().getServletPath()).homePage());
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public int getMinLength() { return passwordChanges.minLength(); }
    public String getCurrent() { return null; }
    public void setCurrent(String current) { this.current = current; }
    public String getProposed() { return null; }
    public void setProposed(String proposed) { this.proposed = proposed; }
    public String getConfirmation() { return null; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
