package tw.fine.ra.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import tw.fine.ra.account.control.AccountSetup;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * Demo data for the development runner ({@code fine.demo-data=true}): one organization with two
 * subscribers, a clerk, an officer and an auditor, with the initial passwords of
 * {@code demo-accounts.properties}, which the runner prints. Created once; later starts keep whatever the demo user changed.
 * Outside development mode the demo accounts a demo start left in the database are disabled: their
 * initial passwords are public (this file's resource, the dev runner's output).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String UBN = "70759028";
    /** The demo subscriber who holds the dev runner's demo card ({@link DemoCard}). */
    public static final String CARD_HOLDER = UBN + "-00-0001";
    private static final String PASSWORDS = "/demo-accounts.properties";
    /** Who registered the demo organization, as its record says. */
    private static final String DEMO = "demo";
    private static final List<String> STAFF = List.of("clerk", "officer", "auditor");

    @Inject
    Settings settings;

    @Inject
    AccountSetup accounts;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @PostConstruct
    void seed() {
        if (!settings.developmentMode()) {
            disableLeftovers();
            return;
        }
        if (!settings.demoData() || accounts.exists("clerk")) {
            return;
        }
        Organization organization = new Organization(BusinessNumber.of(UBN), "範例金融股份有限公司",
                new Contact("王小明", "contact@example.com.tw", "02-2345-6789", "100 臺北市中正區重慶南路一段 100 號"),
                clock.instant(), DEMO);
        em.persist(organization);
        for (int i = 1; i <= 2; i++) {
            Subscriber subscriber = organization.addSubscriber(clock.instant());
            em.persist(subscriber);
            accounts.create(subscriber.getSubscriberId(), Role.SUBSCRIBER, subscriber.getSubscriberId(), subscriber.getId(),
                    password(Role.SUBSCRIBER, subscriber.getSubscriberId()));
        }
        accounts.create("clerk", Role.CLERK, "RA 審核人員 Clerk", null, password(Role.CLERK, "clerk"));
        accounts.create("officer", Role.OFFICER, "RA 主管 Officer", null, password(Role.OFFICER, "officer"));
        accounts.create("auditor", Role.AUDITOR, "稽核人員 Auditor", null, password(Role.AUDITOR, "auditor"));
        LOG.info("Demo data created: organization " + UBN + " with two subscribers, clerk, officer, auditor");
    }

    private void disableLeftovers() {
        List<String> subscribers = em.createQuery("select s.subscriberId from Subscriber s where s.organization.ubn.value = :ubn"
                + " and s.organization.registeredBy = :demo", String.class)
                .setParameter("ubn", UBN).setParameter("demo", DEMO).getResultList();
        if (subscribers.isEmpty()) {
            return;
        }
        List<String> logins = new ArrayList<>(subscribers);
        logins.addAll(STAFF);
        for (String login : logins) {
            if (accounts.disable(login, clock.instant())) {
                audit.success(Actor.system("start-up"), AuditEvent.ACCOUNT_DISABLED, login,
                        "demo account outside development mode");
                LOG.warning(() -> "Demo account " + login + " disabled: the server is not in development mode");
            }
        }
    }

    /** The initial password from {@value #PASSWORDS}, which the dev runner prints too. */
    private static char[] password(Role role, String login) {
        Properties passwords = new Properties();
        try (InputStream in = DemoData.class.getResourceAsStream(PASSWORDS)) {
            passwords.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + PASSWORDS, e);
        }
        String key = role.name().toLowerCase(Locale.ROOT) + "." + login;
        return Objects.requireNonNull(passwords.getProperty(key), () -> key + " missing in " + PASSWORDS).toCharArray();
    }
}
