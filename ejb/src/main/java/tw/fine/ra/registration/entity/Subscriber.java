package tw.fine.ra.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person of an organization holding one smart card; identified by {@code UBN-00-NNNN}. */
@Entity
@Table(name = "subscriber")
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;
    @Column(nullable = false)
    private int seq;
    @Column(name = "subscriber_id", nullable = false, unique = true)
    private String subscriberId;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected Subscriber() {
    }

    Subscriber(Organization organization, int seq, Instant at) {
        this.organization = organization;
        this.seq = seq;
        this.subscriberId = organization.getUbn().subscriberId(seq);
        this.registeredAt = at;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public int getSeq() { return seq; }
    public String getSubscriberId() { return subscriberId; }
    public Instant getRegisteredAt() { return registeredAt; }
}
