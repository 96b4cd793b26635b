package tw.fine.ra.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import tw.fine.ra.approval.boundary.PasswordResets;
import tw.fine.ra.platform.ClockProducer;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.web.support.Pages;

/** The clerk enters a received website password reset form. */
@Named
@ViewScoped
public class ResetRequestPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    @Inject
    Clock clock;

    private String formNumber;
    private String subscriberId;
    private LocalDate receivedOn;

    @PostConstruct
    void today() {
        receivedOn = LocalDate.now(clock.withZone(ClockProducer.TAIPEI));
    }

    public void enter() {
        try {
            resets.enter(formNumber, subscriberId, receivedOn, Pages.clientAddress());
            Pages.info("reset.entered", formNumber);
            formNumber = null;
            subscriberId = null;
        } catch (Refused refused) {
            Pages.error(refused.field() == null ? null : "reset:" + refused.field(), refused.messageKey());
        }
    }

    public String getFormNumber() { return formNumber; }
    public void setFormNumber(String formNumber) { this.formNumber = formNumber; }
    public String getSubscriberId() { return subscriberId; }
    public void setSubscriberId(String subscriberId) { this.subscriberId = subscriberId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
}
