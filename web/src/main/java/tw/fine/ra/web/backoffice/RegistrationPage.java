package tw.fine.ra.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.boundary.Registrations;
import tw.fine.ra.web.support.Downloads;
import tw.fine.ra.web.support.Pages;

/** The clerk enters the paper registration form; the sealed mailers can be downloaded here only. */
@Named
@ViewScoped
public class RegistrationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Registrations registrations;

    private String ubn;
    private String name;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String contactAddress;
    private int subscribers = 2;
    private transient List<Registrations.Mailer> mailers = List.of();
    private String registeredUbn;

    public void register() {
        try {
            Registrations.Registered done = registrations.register(new Registrations.Form(ubn, name, contactName,
                    contactEmail, contactPhone, contactAddress, subscribers), Pages.clientAddress());
            mailers = done.mailers();
            registeredUbn = done.ubn();
            Pages.info("registration.done", done.ubn(), mailers.size());
        } catch (Refused refused) {
            Pages.error(refused.field() == null ? null : "registration:" + refused.field(), refused.messageKey(),
                    refused.args());
        }
    }

    public StreamedContent mailer(String subscriberId) {
        return mailers.stream().filter(m -> m.subscriberId().equals(subscriberId)).findFirst()
                .map(m -> Downloads.pdf("mailer-" + m.subscriberId() + ".pdf", m.pdf()))
                .orElse(null);
    }

    /** After a registration the page shows its result and mailers instead of the form. */
    public boolean isRegistered() {
        return registeredUbn != null;
    }

    /** What was registered, for the result box: the name and number as entered, and how many subscribers. */
    public String getSummary() {
        return registeredUbn == null ? "" : Pages.text("registration.result.summary", registeredUbn, name, getMailers().size());
    }

    public List<Registrations.Mailer> getMailers() { return mailers == null ? List.of() : mailers; }
    public String getUbn() { return ubn; }
    public void setUbn(String ubn) { this.ubn = ubn; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactAddress() { return contactAddress; }
    public void setContactAddress(String contactAddress) { this.contactAddress = contactAddress; }
    public int getSubscribers() { return subscribers; }
    public void setSubscribers(int subscribers) { this.subscribers = subscribers; }
}
