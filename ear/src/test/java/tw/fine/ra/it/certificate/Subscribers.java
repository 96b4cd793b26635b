package tw.fine.ra.it.certificate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.IssuedPair;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.entity.CardStatus;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.TestData;

/**
 * The fixed test subscribers of {@link AsSubscriber} and {@link AsOtherSubscriber}, made ready for
 * a test: registered with an account (initial password {@link TestData#PASSWORD}) that is not
 * locked, no certificate left in use from an earlier test, and a new pair when asked. Each call is
 * its own transaction.
 */
@Stateless
public class Subscribers {

    @PersistenceContext
    EntityManager em;

    @Inject
    TestData data;

    @Inject
    CertificateAuthority ca;

    /** Registers the organization's first subscriber once; unlocks its account and ends its certificates. */
    public void ready(String ubn, String subscriberId) throws Exception {
        long known = em.createQuery("select count(s) from Subscriber s where s.subscriberId = :id", Long.class)
                .setParameter("id", subscriberId).getSingleResult();
        if (known == 0 && !data.subscriber(ubn).equals(subscriberId)) {
            throw new IllegalStateException("the first subscriber of " + ubn + " is not " + subscriberId);
        }
        em.createQuery("update Account a set a.failedAttempts = 0, a.lockedAt = null where a.login = :l")
                .setParameter("l", subscriberId).executeUpdate();
        endPairs(subscriberId);
    }

    /** Revokes every certificate of the subscriber still in use, so he may apply again. */
    public void endPairs(String subscriberId) throws Exception {
        for (CertificateView c : ca.ofSubscriber(subscriberId)) {
            if (!c.status().isEnded()) {
                ca.revoke(c.certificateNumber(), RevocationReason.CESSATION_OF_OPERATION, null);
            }
        }
    }

    /** The GUID of the subscriber's active card in the registry; one handed over is recorded if none. */
    public String card(String subscriberId) throws Exception {
        Card card = em.createNamedQuery(Card.ACTIVE_OF_SUBSCRIBER, Card.class).setParameter("subscriber", subscriberId)
                .getResultStream().findFirst().orElse(null);
        if (card == null) {
            byte[] guid = new byte[16];
            ThreadLocalRandom.current().nextBytes(guid);
            card = new Card(HexFormat.of().formatHex(guid), subscriberId, Instant.now(), "test");
            card.personalized("1.1.0", Instant.now(), "test");
            card.move(CardStatus.Transition.HAND_OVER, Instant.now());
            em.persist(card);
        }
        return card.view().guid();
    }

    /** Retires the subscriber's active card (the next pair on a card records a new one). */
    public void retireCard(String subscriberId) throws Exception {
        for (Card card : em.createNamedQuery(Card.ACTIVE_OF_SUBSCRIBER, Card.class)
                .setParameter("subscriber", subscriberId).getResultList()) {
            card.move(CardStatus.Transition.RETIRE, Instant.now());
        }
    }

    /** A pair from the two keys, written to the card (ACTIVE) unless {@code onCard} is false. */
    public IssuedPair pair(String ubn, String subscriberId, KeyPair signing, KeyPair encryption, boolean onCard)
            throws Exception {
        return pair(ubn, subscriberId, CaFixtures.csr(signing), CaFixtures.csr(encryption), onCard);
    }

    /**
     * A pair from two PKCS#10 requests (DER), written to the card (ACTIVE) unless {@code onCard} is false;
     * on the card means a registered card as the RA counter leaves one (the card itself is not simulated here).
     */
    public IssuedPair pair(String ubn, String subscriberId, byte[] signingCsr, byte[] encryptionCsr, boolean onCard)
            throws Exception {
        IssuedPair pair = ca.issuePair(new PairRequest(UUID.randomUUID().toString(), subscriberId, ubn,
                signingCsr, encryptionCsr));
        if (onCard) {
            card(subscriberId);
            ca.markOnCard(pair.signing().certificateNumber());
            ca.markOnCard(pair.encryption().certificateNumber());
        }
        return pair;
    }

    public CertificateView certificate(long number) {
        return ca.find(number).orElseThrow();
    }

    public int failedAttempts(String login) {
        return data.find(login).getFailedAttempts();
    }

    public boolean locked(String login) {
        return data.find(login).isLocked();
    }

    /** The subjects and bodies of the mail queued for a recipient, newest first. */
    public List<String[]> mail(String recipient) {
        return em.createQuery("select m.subject, m.body from OutboxMessage m where m.recipient = :r order by m.id desc",
                Object[].class).setParameter("r", recipient).getResultStream()
                .map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
    }

    /** Lets a resume nonce run out without waiting. */
    public void expire(String nonce) {
        em.createQuery("update ResumeChallenge c set c.expiresAt = :past where c.nonce = :n")
                .setParameter("past", Instant.now().minusSeconds(1)).setParameter("n", nonce).executeUpdate();
    }
}
