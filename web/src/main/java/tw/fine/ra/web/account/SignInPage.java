package tw.fine.ra.web.account;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Base64;
import java.util.Optional;
import tw.fine.ra.account.boundary.Captchas;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.web.security.Area;
import tw.fine.ra.web.security.AreaCredential;
import tw.fine.ra.web.security.ForcedPasswordChange;
import tw.fine.ra.web.support.OneTimeNotice;
import tw.fine.ra.web.support.Pages;

/** The sign-in form of either area: account, password and the CAPTCHA, which is checked first. */
@Named
@ViewScoped
public class SignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Captchas captchas;

    @Inject
    SignOut signOut;

    @Inject
    Settings settings;

    private Area area = Area.SUBSCRIBER;
    private String login;
    private String password;
    private String captchaAnswer;
    private String captchaId;
    private String captchaImage;
    private String captchaTestAnswer;

    public void open(String areaName) {
        area = Area.valueOf(areaName);
        if (captchaId == null) {
            newCaptcha();
        }
    }

    public void signIn() {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        password = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        boolean human = captchas.solve(captchaId, captchaAnswer, request.getRemoteAddr(), "sign-in " + area.name());
        captchaAnswer = null;
        newCaptcha();
        if (!human) {
            Pages.error("signin:captcha", "signin.captcha.wrong");
            return;
        }
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        Optional<Area> ended = endTheSignedIn(request);
        AreaCredential credential = new AreaCredential(area.accounts(), login, secret, request.getRemoteAddr());
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(credential).newAuthentication(true));
        credential.clear();
        ended.ifPresent(other -> OneTimeNotice.leave(request, "signin.other-ended." + other.name().toLowerCase()));
        if (status != AuthenticationStatus.SUCCESS) {
            failed(request, ended.isPresent());
            return;
        }
        request.changeSessionId(); // a fixed session id must not survive sign-in
        SignOut.signedIn(request, credential.sessionEpoch(), settings.sessionIdleTimeout());
        if (credential.mustChangePassword()) {
            request.getSession().setAttribute(ForcedPasswordChange.SESSION_FLAG, Boolean.TRUE);
        }
        Pages.redirect(area.homePage());
    }

    /**
     * One session holds one account: a sign-in while an account is signed in (say a clerk's
     * back-office session, then a subscriber's sign-in) first signs that one out, audited; the page
     * says so.
     */
    private Optional<Area> endTheSignedIn(HttpServletRequest request) {
        try {
            return signOut.end(request, "sign-in to " + area.name().toLowerCase());
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private void failed(HttpServletRequest request, boolean sessionEnded) {
        if (sessionEnded) {
            // the ended session held this page's state too: start the page afresh
            OneTimeNotice.leave(request, "signin.failed");
            Pages.redirect(area.signInPage());
        } else {
            Pages.error(null, "signin.failed");
        }
    }

    private void newCaptcha() {
        Captchas.Challenge challenge = captchas.issue();
        captchaId = challenge.id();
        captchaImage = "data:image/png;base64," + Base64.getEncoder().encodeToString(challenge.png());
        captchaTestAnswer = challenge.answer();
    }

    public void refreshCaptcha() {
        newCaptcha();
    }

    public boolean isBackOffice() { return area == Area.BACK_OFFICE; }
    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
    public String getCaptchaAnswer() { return null; }
    public void setCaptchaAnswer(String captchaAnswer) { this.captchaAnswer = captchaAnswer; }
    public String getCaptchaImage() { return captchaImage; }
    /** Only with the test hook on: lets browser tests read the CAPTCHA. */
    public String getCaptchaTestAnswer() { return captchaTestAnswer; }
}
