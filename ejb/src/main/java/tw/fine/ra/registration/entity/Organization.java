package tw.fine.ra.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registered organization and its certificate contact; it numbers its subscribers. */
@Entity
@Table(name = "organization")
public class Organization {

    /** How many subscribers one paper form may register. */
    public static final int MAX_SUBSCRIBERS_PER_FORM = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Embedded
    private BusinessNumber ubn;
    @Column(nullable = false)
    private String name;
    @Embedded
    private Contact contact;
    @Column(name = "last_subscriber_seq", nullable = false)
    private int lastSubscriberSeq;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "registered_by", nullable = false)
    private String registeredBy;
    @Version
    private long version;

    protected Organization() {
    }

    public Organization(BusinessNumber ubn, String name, Contact contact, Instant at, String clerk) {
        this.ubn = ubn;
        this.name = name;
        this.contact = contact;
        this.registeredAt = at;
        this.registeredBy = clerk;
    }

    /** @throws FormRuleException at {@code subscribers} unless 1 to {@value #MAX_SUBSCRIBERS_PER_FORM} */
    public static void checkSubscribersPerForm(int count) {
        if (count < 1 || count > MAX_SUBSCRIBERS_PER_FORM) {
            throw new FormRuleException("subscribers", "registration.subscribers.range");
        }
    }

    /** The subscribers of one form, numbered after the last one; see {@link #addSubscriber}. */
    public List<Subscriber> addSubscribers(int count, Instant at) {
        checkSubscribersPerForm(count);
        List<Subscriber> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(addSubscriber(at));
        }
        return added;
    }

    /**
     * The next subscriber of this organization. Callers hold a write lock on this row, so two
     * clerks registering at once get consecutive numbers; the unique constraints back it up.
     */
    public Subscriber addSubscriber(Instant at) {
        lastSubscriberSeq++;
        if (lastSubscriberSeq > 9999) {
            throw new IllegalStateException("organization " + ubn + " has no subscriber numbers left");
        }
        return new Subscriber(this, lastSubscriberSeq, at);
    }

    public Long getId() { return id; }
    public BusinessNumber getUbn() { return ubn; }
    public String getName() { return name; }
    public Contact getContact() { return contact; }
    public int getLastSubscriberSeq() { return lastSubscriberSeq; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRegisteredBy() { return registeredBy; }
}
