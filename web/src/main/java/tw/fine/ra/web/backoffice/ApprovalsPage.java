package tw.fine.ra.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
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
    private PasswordResets.Pending rejecting;
    private String reason;
    private transient PasswordResets.Approved lastApproved;

    @PostConstruct
    void load() {
        pending = resets.pending();
    }

    /** Approves after the officer confirmed it in the dialog that names the subscriber and the form. */
    public void approve(long id) {
        try {
            lastApproved = resets.approve(id, Pages.clientAddress());
            Pages.info("approvals.approved", lastApproved.formNumber());
        } catch (Refused refused) {
            Pages.error(null, refused.messageKey());
        }
        load();
    }

    /** Opens the rejection dialog for one form, with an empty reason. */
    public void startRejecting(PasswordResets.Pending form) {
        rejecting = form;
        reason = null;
    }

    public void reject() {
        if (rejecting == null) {
            return;
        }
        try {
            resets.reject(rejecting.id(), reason, Pages.clientAddress());
            // answered by AJAX on this page: no flash, or the message would show again on the next page
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    Pages.text("approvals.rejected", rejecting.formNumber()), null));
            rejecting = null;
            reason = null;
        } catch (Refused refused) {
            Pages.error(refused.field() == null ? null : "reject:reason", refused.messageKey());
        }
        load();
    }

    /** The question the approval dialog asks: which form, whose password. */
    public String approvalQuestion(PasswordResets.Pending form) {
        return Pages.text("approvals.approve.confirm", form.formNumber(), form.subscriberId(), form.organization());
    }

    public String rejectionSubject() {
        return rejecting == null ? ""
                : Pages.text("approvals.reject.for", rejecting.formNumber(), rejecting.subscriberId(),
                        rejecting.organization());
    }

    public StreamedContent getMailer() {
        return lastApproved == null ? null
                : Downloads.pdf("mailer-" + lastApproved.subscriberId() + ".pdf", lastApproved.mailer());
    }

    public PasswordResets.Approved getLastApproved() { return lastApproved; }
    public List<PasswordResets.Pending> getPending() { return pending; }
    public PasswordResets.Pending getRejecting() { return rejecting; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
