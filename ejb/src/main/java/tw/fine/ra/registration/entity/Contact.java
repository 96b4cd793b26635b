package tw.fine.ra.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The organization's certificate contact, to whom mailers and notices go. */
@Embeddable
public class Contact {

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

    public Contact(String name, String email, String phone, String address) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
    }

    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getAddress() { return address; }
}
