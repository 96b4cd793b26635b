package tw.fine.ra.it.card;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.File;
import java.time.Instant;
import java.util.HexFormat;
import javax.smartcardio.CardException;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import tw.fine.ra.account.control.AccountSetup;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.RaKeys;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.card.control.CardSecrets;
import tw.fine.ra.card.entity.Card;
import tw.fine.ra.card.simulator.SimulatedCard;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.TestData;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * In-container setup for the card tests: two fixed subscribers (a run-as principal is fixed at
 * compile time), and simulated cards (the real applet in jCardSim) personalized with the secrets the
 * server derives from its own master keys.
 */
@Stateless
public class CardFixtures {

    static final String HOLDER = "81000016-00-0001";
    static final String OTHER_HOLDER = "81000022-00-0001";
    static final char[] PIN = "123456".toCharArray();
    /** The first configured origin of the test server (FINE_RA_ORIGINS, set by the build). */
    static final String ORIGIN = System.getenv("FINE_RA_ORIGINS") == null ? "https://localhost:8443"
            : System.getenv("FINE_RA_ORIGINS").split(",")[0];

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountSetup accounts;

    @Inject
    RaKeys keys;

    @Inject
    CertificateAuthority ca;

    /** The application with the card tests, the simulator and the applet in its web module. */
    static EnterpriseArchive deployment(Class<?>... tests) {
        EnterpriseArchive ear = Deployments.applicationWith(tests);
        WebArchive web = ear.getAsType(WebArchive.class, "fine-ra-web.war");
        web.addClasses(AsCardHolder.class, AsOtherHolder.class, CardFixtures.class, RaCounter.class,
                        RaCounter.IssuedCard.class)
                .addAsLibraries(jarOf(SimulatedCard.class), jarOf(com.licel.jcardsim.smartcardio.CardSimulator.class));
        ear.delete("fine-ra-web.war");
        // javax.smartcardio is a JDK module outside java.se, and PivCard sits in the EAR's lib/: the
        // test EAR asks for it (the application itself never drives a card)
        return ear.addAsModule(web).addAsManifestResource(new StringAsset(
                "<jboss-deployment-structure xmlns=\"urn:jboss:deployment-structure:1.2\"><deployment><dependencies>"
                + "<module name=\"java.smartcardio\" export=\"true\"/></dependencies></deployment>"
                + "</jboss-deployment-structure>"), "jboss-deployment-structure.xml");
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixed subscriber {@code <ubn>-00-0001} with its account, made on first use. */
    public void subscriber(String subscriberId) {
        if (em.createQuery("select count(s) from Subscriber s where s.subscriberId = :s", Long.class)
                .setParameter("s", subscriberId).getSingleResult() > 0) {
            return;
        }
        BusinessNumber ubn = BusinessNumber.of(subscriberId.substring(0, 8));
        Organization organization = new Organization(ubn, "卡片測試公司 " + ubn.value(),
                new Contact("測試聯絡人", "card-" + ubn.value() + "@example.com", "02-1234-5678", "台北市"),
                Instant.now(), "test");
        em.persist(organization);
        Subscriber subscriber = organization.addSubscriber(Instant.now());
        em.persist(subscriber);
        accounts.create(subscriber.getSubscriberId(), Role.SUBSCRIBER, subscriber.getSubscriberId(), subscriber.getId(),
                TestData.PASSWORD.toCharArray());
    }

    /** Revokes whatever of the subscriber's certificates is not revoked or expired, so he can apply again. */
    public void withoutUsablePair(String subscriberId) throws Exception {
        for (CertificateView c : ca.ofSubscriber(subscriberId)) {
            if (!c.status().isEnded()) {
                ca.revoke(c.certificateNumber(), RevocationReason.CESSATION_OF_OPERATION, null);
            }
        }
    }

    public long audits(AuditEvent event, Outcome outcome, String subject, String detailPart) {
        return em.createQuery("select count(r) from AuditRecord r where r.event = :e and r.outcome = :o"
                        + " and r.subject = :s and r.detail like :d", Long.class)
                .setParameter("e", event).setParameter("o", outcome).setParameter("s", subject)
                .setParameter("d", "%" + detailPart + "%").getSingleResult();
    }

    /** Makes a second active card for the subscriber behind the boundary's back: the database must refuse. */
    public void forceSecondActiveCard(String subscriberId) throws Exception {
        byte[] guid = new byte[16];
        new java.security.SecureRandom().nextBytes(guid);
        Card card = new Card(HexFormat.of().withUpperCase().formatHex(guid), subscriberId, Instant.now(), "test");
        card.personalized("1.0.0", Instant.now(), "test");
        em.persist(card);
        em.flush();
    }

    /** A simulated card personalized as the RA counter would: GUID, PIN, and the server's derived PUK and key. */
    public PivCard personalizedCard(String guid) throws CardException, CardStatusException {
        return personalizedCard(guid, secrets().managementKey(guid));
    }

    /** A simulated card with the GUID but another management key: it cannot prove the registered card's key. */
    public PivCard impostorCard(String guid) throws CardException, CardStatusException {
        byte[] key = secrets().managementKey(guid);
        key[0] ^= 1;
        return personalizedCard(guid, key);
    }

    private PivCard personalizedCard(String guid, byte[] managementKey) throws CardException, CardStatusException {
        PivCard card = new PivCard(new SimulatedCard().insertInto("FINE test reader").terminals()
                .getTerminal("FINE test reader").connect("*").getBasicChannel());
        card.select();
        byte[] id = HexFormat.of().parseHex(guid);
        card.personalize(new Personalization(id, PIN.clone(), secrets().puk(guid), ManagementKeyAlgorithm.AES_128,
                managementKey, KeyAlgorithm.EC_P256));
        card.select();
        return card;
    }

    /** The PUK the server derives for the card: for the test to check it on the card, never shown elsewhere. */
    public byte[] puk(String guid) {
        return secrets().puk(guid);
    }

    public byte[] managementKey(String guid) {
        return secrets().managementKey(guid);
    }

    /** A fresh blank simulated card (the applet as installed: a transport key, nothing personalized). */
    public PivCard blankCard() throws CardException, CardStatusException {
        PivCard card = new PivCard(new SimulatedCard().insertInto("FINE blank reader").terminals()
                .getTerminal("FINE blank reader").connect("*").getBasicChannel());
        card.select();
        return card;
    }

    private CardSecrets secrets() {
        return new CardSecrets(keys.cardMasterKey(CardMasterKey.Purpose.MANAGEMENT_KEY),
                keys.cardMasterKey(CardMasterKey.Purpose.PUK));
    }
}
