package tw.fine.ra.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;
import tw.fine.ra.account.control.AccountSetup;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.platform.Settings;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.Contact;
import tw.fine.ra.registration.entity.Organization;
import tw.fine.ra.registration.entity.Subscriber;

/**
 * Demo data for the development runner ({@code fine.demo-data=true}): one organization with two
 * subscribers, a clerk, an officer and an auditor, with the known initial passwords the runner
 * prints. Created once; later starts keep whatever the demo user changed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String UBN = "70759028";

    @Inject
    Settings settings;

    @Inject
    AccountSetup accounts;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void seed() {
        if (!settings.demoData() || accounts.exists("clerk")) {
            return;
        }
        Organization organization = new Organization(BusinessNumber.of(UBN), "範例金融股份有限公司",
                new Contact("王小明", "contact@example.com.tw", "02-2345-6789", "100 臺北市中正區重慶南路一段 100 號"),
                clock.instant(), "demo");
        em.persist(organization);
        for (int i = 1; i <= 2; i++) {
            Subscriber subscriber = organization.addSubscriber(clock.instant());
            em.persist(subscriber);
            accounts.create(subscriber.getSubscriberId(), Role.SUBSCRIBER, subscriber.getSubscriberId(), subscriber.getId(),
                    ("Demo2026sub" + i).toCharArray());
        }
        accounts.create("clerk", Role.CLERK, "RA 審核人員 Clerk", null, "Demo2026clerk".toCharArray());
        accounts.create("officer", Role.OFFICER, "RA 主管 Officer", null, "Demo2026officer".toCharArray());
        accounts.create("auditor", Role.AUDITOR, "稽核人員 Auditor", null, "Demo2026auditor".toCharArray());
        LOG.info("Demo data created: organization " + UBN + " with two subscribers, clerk, officer, auditor");
    }
}
