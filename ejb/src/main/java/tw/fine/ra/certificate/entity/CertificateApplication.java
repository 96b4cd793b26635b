package tw.fine.ra.certificate.entity;

import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.OUT_OF_ORDER;
import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.WRONG_CARD;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One certificate application of a subscriber, from the accepted terms to both certificates on the
 * card. Its id is also the CA request id, so a repeated issuance returns the same pair. While open,
 * {@code openSubscriberId} holds the subscriber: with its unique constraint, one open application
 * per subscriber (two tabs share it).
 */
@Entity
@Table(name = "certificate_application")
@NamedQuery(name = CertificateApplication.OPEN_OF_SUBSCRIBER,
        query = "select a from CertificateApplication a where a.openSubscriberId = :subscriber")
public class CertificateApplication {

    public static final String OPEN_OF_SUBSCRIBER = "CertificateApplication.openOfSubscriber";

    @Id
    private String id;

    @Column(name = "subscriber_id", nullable = false)
    private String subscriberId;

    @Column(name = "open_subscriber_id")
    private String openSubscriberId;

    @Column(name = "card_guid", nullable = false)
    private String cardGuid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStep step;

    @Column(name = "signing_certificate")
    private Long signingCertificate;

    @Column(name = "encryption_certificate")
    private Long encryptionCertificate;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected CertificateApplication() {
    }

    public CertificateApplication(String id, String subscriberId, String cardGuid, Instant now) {
        this.id = id;
        this.subscriberId = subscriberId;
        this.openSubscriberId = subscriberId;
        this.cardGuid = cardGuid;
        this.step = ApplicationStep.STARTED;
        this.startedAt = now;
        this.changedAt = now;
    }

    /** A reload or a second tab starts again, with the card now in the reader, as long as nothing is issued. */
    public void restart(String card, Instant now) throws ApplicationRefusedException {
        move(ApplicationStep.STARTED, now);
        cardGuid = card;
    }

    public void issued(long signing, long encryption, Instant now) throws ApplicationRefusedException {
        expect(ApplicationStep.STARTED);
        signingCertificate = signing;
        encryptionCertificate = encryption;
        move(ApplicationStep.ISSUED, now);
    }

    /** Both certificates reached the card: the application closes. */
    public void completed(Instant now) throws ApplicationRefusedException {
        expect(ApplicationStep.ISSUED);
        openSubscriberId = null;
        move(ApplicationStep.COMPLETED, now);
    }

    /** The issued pair ended (revoked or expired) without reaching the card: the application closes. */
    public void abandoned(Instant now) throws ApplicationRefusedException {
        expect(ApplicationStep.ISSUED);
        openSubscriberId = null;
        move(ApplicationStep.ABANDONED, now);
    }

    /** Whether the certificate is one of the pair this application issued. */
    public boolean issuedCertificate(long number) {
        return Long.valueOf(number).equals(signingCertificate) || Long.valueOf(number).equals(encryptionCertificate);
    }

    /** Refuses a step on a card other than the one the application runs on. */
    public void checkCard(String guid) throws ApplicationRefusedException {
        if (!cardGuid.equalsIgnoreCase(String.valueOf(guid))) {
            throw new ApplicationRefusedException(WRONG_CARD, "application " + id + " runs on card " + cardGuid
                    + ", not " + guid);
        }
    }

    public void expect(ApplicationStep expected) throws ApplicationRefusedException {
        if (step != expected) {
            throw new ApplicationRefusedException(OUT_OF_ORDER, "application " + id + " is " + step + ", not "
                    + expected);
        }
    }

    private void move(ApplicationStep next, Instant now) throws ApplicationRefusedException {
        if (!step.canMoveTo(next)) {
            throw new ApplicationRefusedException(OUT_OF_ORDER, "application " + id + ": " + step + " -> " + next);
        }
        step = next;
        changedAt = now;
    }

    public String id() { return id; }

    public String subscriberId() { return subscriberId; }

    public String cardGuid() { return cardGuid; }

    public ApplicationStep step() { return step; }

    public Long signingCertificate() { return signingCertificate; }

    public Long encryptionCertificate() { return encryptionCertificate; }
}
