package tw.fine.ra.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.account.entity.Role;
import tw.fine.ra.it.support.AliceClerk;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.it.support.TestData;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.boundary.Registrations;
import tw.fine.ra.registration.boundary.SubscriberSearch;

/** A clerk registers organizations from the paper form, in the server. */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(RegistrationIT.class);
    }

    @Inject
    Registrations registrations;

    @Inject
    SignIn signIn;

    @Inject
    SubscriberSearch directory;

    @Inject
    AliceClerk clerk;

    @Inject
    TestData data;

    private Registrations.Form form(String ubn, int subscribers) {
        return new Registrations.Form(ubn, "測試銀行 " + ubn, "陳聯絡", "pki-" + ubn + "@example.com.tw",
                "02-2222-3333", "100 臺北市中正區測試路 1 號", subscribers);
    }

    private Registrations.Registered register(Registrations.Form form) throws Exception {
        return clerk.call(() -> registrations.register(form, "198.51.100.7"));
    }

    @Test
    void registersSubscribersWithSequentialIdsAndWorkingMailers() throws Exception {
        String ubn = BusinessNumbers.random();
        Registrations.Registered done = register(form(ubn, 2));
        assertEquals(List.of(ubn + "-00-0001", ubn + "-00-0002"),
                done.mailers().stream().map(Registrations.Mailer::subscriberId).toList());
        for (Registrations.Mailer mailer : done.mailers()) {
            assertTrue(passwordInMailerSignsIn(mailer), "the mailer's password signs " + mailer.subscriberId() + " in");
        }
    }

    @Test
    void invalidBusinessNumberRejected() {
        Refused refused = assertThrows(Refused.class, () -> register(form("70759029", 2)));
        assertEquals("ubn", refused.field());
        assertEquals("registration.ubn.checksum", refused.messageKey());
    }

    @Test
    void aBusinessNumberRegistersOnce() throws Exception {
        String ubn = BusinessNumbers.random();
        register(form(ubn, 1));
        Refused refused = assertThrows(Refused.class, () -> register(form(ubn, 1)));
        assertEquals("registration.ubn.taken", refused.messageKey());
    }

    @Test
    void subscribersAreAddedOnlyToARegisteredOrganization() {
        String unregistered = BusinessNumbers.random();
        Refused refused = assertThrows(Refused.class,
                () -> clerk.call(() -> registrations.addSubscribers(unregistered, 1, "-")));
        assertEquals("ubn", refused.field());
        assertEquals("registration.ubn.unknown", refused.messageKey());
    }

    @Test
    void badContactEmailAndCountAreRefusedAtTheirFields() {
        Registrations.Form noEmail = new Registrations.Form(BusinessNumbers.random(), "X", "Y", "not-an-address", "1", "Z", 2);
        assertEquals("contactEmail", assertThrows(Refused.class, () -> register(noEmail)).field());
        assertEquals("subscribers", assertThrows(Refused.class, () -> register(form(BusinessNumbers.random(), 0))).field());
    }

    @Test
    void parallelAdditionsGetUniqueConsecutiveIds() throws Exception {
        String ubn = BusinessNumbers.random();
        register(form(ubn, 1));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Registrations.Registered>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(() -> clerk.call(() -> registrations.addSubscribers(ubn, 2, "-"))));
            }
            TreeSet<String> ids = new TreeSet<>();
            for (Future<Registrations.Registered> result : results) {
                result.get().mailers().forEach(m -> ids.add(m.subscriberId()));
            }
            assertEquals(10, ids.size());
            assertEquals(ubn + "-00-0002", ids.first());
            assertEquals(ubn + "-00-0011", ids.last());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void searchFindsSubscribersByNumberNameAndId() throws Exception {
        String ubn = BusinessNumbers.random();
        register(form(ubn, 2));
        List<SubscriberSearch.Row> byNumber = clerk.call(() -> directory.search(ubn.substring(0, 6)));
        assertTrue(byNumber.stream().anyMatch(r -> r.subscriberId().equals(ubn + "-00-0002")), byNumber::toString);
        List<SubscriberSearch.Row> byName = clerk.call(() -> directory.search("測試銀行 " + ubn));
        assertEquals(2, byName.size(), byName::toString);
        assertTrue(byName.get(0).mustChangePassword() && !byName.get(0).locked());
        List<SubscriberSearch.Row> byId = clerk.call(() -> directory.search(ubn + "-00-0001"));
        assertEquals(List.of(ubn + "-00-0001"), byId.stream().map(SubscriberSearch.Row::subscriberId).toList());
        assertTrue(clerk.call(() -> directory.search("no such organization " + ubn)).isEmpty());
    }

    /** The initial password is only in the PDF: find it there and sign in with it. */
    /**
     * Issue 9 item 15: a registration's audit records, which hold the chain's head until its commit,
     * come after its password hashes and PDFs, so a sign-in during a 20-subscriber registration
     * finishes while the registration is still working instead of after it.
     */
    @Test
    void aSignInDuringALargeRegistrationFinishesFirst() throws Exception {
        String subscriber = data.account(Role.SUBSCRIBER);
        ExecutorService clerkDesk = Executors.newSingleThreadExecutor();
        try {
            Future<Instant> registered = clerkDesk.submit(() -> {
                register(form(BusinessNumbers.random(), 20));
                return Instant.now();
            });
            Thread.sleep(500); // the registration is under way: organization stored, hashing passwords
            assertTrue(signIn.verify(Role.Area.SUBSCRIBER, subscriber, TestData.PASSWORD.toCharArray(), "-")
                    .isPresent());
            Instant signedIn = Instant.now();
            assertTrue(signedIn.isBefore(registered.get()), "the sign-in waited for the registration to commit");
        } finally {
            clerkDesk.shutdownNow();
        }
    }

    private boolean passwordInMailerSignsIn(Registrations.Mailer mailer) {
        Optional<String> password = Mailers.initialPassword(mailer.pdf());
        if (password.isEmpty()) {
            return false;
        }
        Optional<SignIn.Granted> granted = signIn.verify(Role.Area.SUBSCRIBER, mailer.subscriberId(),
                password.get().toCharArray(), "-");
        return granted.isPresent() && granted.get().mustChangePassword();
    }
}
