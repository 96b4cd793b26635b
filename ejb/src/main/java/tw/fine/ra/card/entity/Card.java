package tw.fine.ra.card.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A smart card of the RA, named by the GUID the server assigned (CHUID tag 34, upper-case hex),
 * registered to one subscriber (by subscriber ID, as the CA's records name them). The subscriber's
 * one active card is enforced here and by the database: {@code activeSubscriberId} carries the
 * subscriber only while the status is active, under a unique constraint.
 */
@Entity
@Table(name = "card")
@NamedQuery(name = Card.OF_SUBSCRIBER,
        query = "select c from Card c where c.subscriberId = :subscriber order by c.registeredAt")
@NamedQuery(name = Card.ACTIVE_OF_SUBSCRIBER,
        query = "select c from Card c where c.activeSubscriberId = :subscriber")
public class Card {

    public static final String OF_SUBSCRIBER = "Card.ofSubscriber";
    public static final String ACTIVE_OF_SUBSCRIBER = "Card.activeOfSubscriber";
    private static final Pattern GUID = Pattern.compile("[0-9A-F]{32}");

    @Id
    private String guid;

    @Column(name = "subscriber_id", nullable = false)
    private String subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CardStatus status;

    @Column(name = "active_subscriber_id")
    private String activeSubscriberId;

    @Column(name = "applet_version")
    private String appletVersion;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "personalized_at")
    private Instant personalizedAt;

    @Column(name = "personalized_by")
    private String personalizedBy;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Version
    private long version;

    protected Card() {
    }

    public Card(String guid, String subscriberId, Instant at, String by) {
        this.guid = normalizedGuid(guid);
        this.subscriberId = subscriberId;
        this.status = CardStatus.BLANK;
        this.registeredAt = at;
        this.registeredBy = by;
        this.statusChangedAt = at;
    }

    /** The GUID as stored and as tickets carry it; null if it is not 16 bytes of hex. */
    public static String normalizedGuid(String guid) {
        String g = guid == null ? "" : guid.strip().toUpperCase(Locale.ROOT);
        return GUID.matcher(g).matches() ? g : null;
    }

    /** Moves the card on, or refuses if its status does not allow the step. */
    public void move(CardStatus.Transition transition, Instant at) throws CardRefusedException {
        if (!transition.startsFrom(status)) {
            throw new CardRefusedException(CardRefusedException.Reason.ILLEGAL_TRANSITION,
                    "card " + guid + " cannot go from " + status + " to " + transition.to());
        }
        status = transition.to();
        activeSubscriberId = status.isActive() ? subscriberId : null;
        statusChangedAt = at;
    }

    /** Records the personalization the agent reported, then moves to {@link CardStatus#PERSONALIZED}. */
    public void personalized(String appletVersion, Instant at, String by) throws CardRefusedException {
        move(CardStatus.Transition.PERSONALIZE, at);
        this.appletVersion = appletVersion;
        this.personalizedAt = at;
        this.personalizedBy = by;
    }

    public boolean belongsTo(String subscriber) {
        return subscriberId.equals(subscriber);
    }

    public CardView view() {
        return new CardView(guid, subscriberId, status, appletVersion, registeredAt, personalizedAt, personalizedBy);
    }

    public String getGuid() { return guid; }
    public String getSubscriberId() { return subscriberId; }
    public CardStatus getStatus() { return status; }
}
