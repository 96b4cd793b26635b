package tw.fine.ra.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;
import tw.fine.ra.certificate.boundary.CertificateHolds;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.certificate.entity.PairState;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.web.support.OneTimeNotice;
import tw.fine.ra.web.support.Pages;

/**
 * 憑證停用／復用: suspend the valid pair with the website password; resume a held pair with the
 * password and the card's proof. The card step is the agent's: the page shows the server's nonce
 * and the agent's ticket in {@code data-} attributes, and {@code resources/js/hold.js} has the
 * agent sign them with the card's 9C key, puts the signature (base64) into the hidden field and
 * submits.
 */
@Named
@ViewScoped
public class HoldPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HERE = "/app/hold.xhtml";

    @Inject
    Certificates certificates;

    @Inject
    CertificateHolds holds;

    private PairState state;
    private String password;
    private CertificateHolds.ResumeStep step;
    private String signature;

    @PostConstruct
    void load() {
        state = certificates.overview().state();
    }

    public void suspend() {
        char[] p = chars(password);
        password = null;
        try {
            holds.suspend(p, Pages.clientAddress());
        } catch (Refused refused) {
            Pages.error(refused.field() == null ? null : "suspend:" + refused.field(), refused.messageKey());
            return;
        } finally {
            Arrays.fill(p, '\0');
        }
        // the template's notice (role=status), not a faces message: PrimeFaces renders those as <li role=alert>,
        // which axe-core reports as a broken list
        OneTimeNotice.leave(Pages.request(), "hold.suspended");
        Pages.redirect(HERE);
    }

    /** Asks the server for the nonce the card signs; the card module takes it from the page. */
    public void startResume() {
        try {
            step = holds.resumeChallenge(Pages.clientAddress());
        } catch (Refused refused) {
            Pages.error(null, refused.messageKey());
        }
    }

    public void resume() {
        char[] p = chars(password);
        password = null;
        String nonce = step == null ? null : step.challenge().nonce();
        step = null;
        try {
            holds.resume(p, nonce, decode(signature), Pages.clientAddress());
        } catch (Refused refused) {
            Pages.error(refused.field() == null ? null : "resume:" + refused.field(), refused.messageKey());
            return;
        } finally {
            Arrays.fill(p, '\0');
            signature = null;
        }
        OneTimeNotice.leave(Pages.request(), "hold.resumed");
        Pages.redirect(HERE);
    }

    private static byte[] decode(String base64) {
        try {
            return base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public PairState getState() { return state; }
    public CertificateHolds.ResumeStep getStep() { return step; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
    public String getSignature() { return null; }
    public void setSignature(String signature) { this.signature = signature; }
}
