package tw.fine.ra.it.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import tw.fine.ra.account.control.AccountSetup;
import tw.fine.ra.account.entity.Account;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/** In-container helper: creates and reads rows directly, each call in its own transaction. */
@Stateless
public class TestData {

    public static final String PASSWORD = "Initial2026pw";

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountSetup accounts;

    public String account(Role role) {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(login, role, login, null, PASSWORD.toCharArray());
        return login;
    }

    public void account(String login, Role role) {
        if (!accounts.exists(login)) {
            accounts.create(login, role, login, null, PASSWORD.toCharArray());
        }
    }

    /** An organization with one subscriber account; returns the subscriber ID. */
    public String subscriber(String ubn) {
        Organization organization = em.createQuery("select o from Organization o where o.ubn = :u", Organization.class)
                .setParameter("u", BusinessNumber.of(ubn)).getResultStream().findFirst().orElse(null);
        if (organization == null) {
            organization = new Organization(BusinessNumber.of(ubn), "測試公司 " + ubn,
                    new Contact("測試聯絡人", "contact-" + ubn + "@example.com", "02-1234-5678", "台北市"),
                    java.time.Instant.now(), "test");
            em.persist(organization);
        }
        Subscriber subscriber = organization.addSubscriber(java.time.Instant.now());
        em.persist(subscriber);
        accounts.create(subscriber.getSubscriberId(), Role.SUBSCRIBER, subscriber.getSubscriberId(), subscriber.getId(),
                PASSWORD.toCharArray());
        return subscriber.getSubscriberId();
    }

    public Account find(String login) {
        return em.createQuery("select a from Account a where a.login = :l", Account.class)
                .setParameter("l", login).getSingleResult();
    }

    /** Fixture: closes an account for good, as a production start does to a leftover demo account. */
    public void disable(String login) {
        find(login).disable(java.time.Instant.now());
    }

    /** Fixture: opens a disabled account again, as a fresh demo start leaves it (no product path does this). */
    public void reopen(String login) {
        em.createQuery("update Account a set a.disabledAt = null where a.login = :l").setParameter("l", login).executeUpdate();
    }

    public long auditCount(AuditEvent event, String subject, String detailPrefix) {
        return em.createQuery("select count(r) from AuditRecord r where r.event = :e and r.subject = :s "
                        + "and r.detail like :d", Long.class)
                .setParameter("e", event).setParameter("s", subject).setParameter("d", detailPrefix + "%")
                .getSingleResult();
    }

    /** Audit records that hold {@code text} anywhere: actor, subject or detail. */
    public long auditMentions(String text) {
        return em.createQuery("select count(r) from AuditRecord r where r.actor like :t or r.subject like :t "
                        + "or r.detail like :t", Long.class)
                .setParameter("t", "%" + text + "%").getSingleResult();
    }

    public long outboxCount(String recipient) {
        return em.createQuery("select count(m) from OutboxMessage m where m.recipient = :r", Long.class)
                .setParameter("r", recipient).getSingleResult();
    }
}
