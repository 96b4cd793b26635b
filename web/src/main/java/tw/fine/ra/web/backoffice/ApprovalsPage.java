package tw.fine.ra.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;
import tw.fine.ra.approval.boundary.PasswordResets;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.web.support.Downloads;
import tw.fine.ra.web.support.Pages;

/** The officer approves or rejects pending reset forms entered by someone else. */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    private List<PasswordResets.Pending> pending;
    private String reason;
    private transient PasswordResets.Approved lastApproved;

    @PostConstruct
    void load() {
        pending = resets.pending();
    }

    public void approve(long id) {
        try {
            lastApproved = resets.approve(id, Pages.clientAddress());
            Pages.info("approvals.approved", lastApproved.formNumber());
        } catch (Refused refused) {
            Pages.error(null, refused.messageKey());
        }
        load();
    }

    public void reject(long id) {
        try {
            resets.reject(id, reason, Pages.clientAddress());
            PasswordResets.Pending decided = pending.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
            Pages.info("approvals.rejected", decided.formNumber());
            reason = null;
        } catch (Refused refused) {
            Pages.error(null, refused.messageKey());
        }
        load();
    }

    public StreamedContent getMailer() {
        return lastApproved == null ? null
                : Downloads.pdf("mailer-" + lastApproved.subscriberId() + ".pdf", lastApproved.mailer());
    }

    public PasswordResets.Approved getLastApproved() { return lastApproved; }
    public List<PasswordResets.Pending> getPending() { return pending; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
