package tw.fine.ra.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.regex.Pattern;

/** The organization's certificate contact, to whom mailers and notices go; needs a usable e-mail address. */
@Embeddable
public class Contact {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Column(name = "contact_name", nullable = false)
    private String name;
    @Column(name = "contact_email", nullable = false)
    private String email;
    @Column(name = "contact_phone", nullable = false)
    private String phone;
    @Column(name = "contact_address", nullable = false)
    private String address;

    protected Contact() {
    }

    /** @throws FormRuleException at {@code contactEmail} if the address cannot be one */
    public Contact(String name, String email, String phone, String address) {
        this.email = email == null ? "" : email.strip();
        if (!EMAIL.matcher(this.email).matches()) {
            throw new FormRuleException("contactEmail", "registration.email.invalid");
        }
        this.name = name.strip();
        this.phone = phone.strip();
        this.address = address.strip();
    }

    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getAddress() { return address; }
}
