package tw.fine.ra.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form rules the registration entities keep themselves. */
class RegistrationRulesTest {

    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void aContactNeedsAnEmailAddress() {
        for (String bad : new String[] {null, "", "  ", "not-an-address", "a@b", "a b@c.tw", "a@@c.tw"}) {
            FormRuleException e = assertThrows(FormRuleException.class, () -> new Contact("王", bad, "02", "臺北"),
                    String.valueOf(bad));
            assertEquals("contactEmail", e.field());
            assertEquals("registration.email.invalid", e.messageKey());
        }
        Contact contact = new Contact(" 王小明 ", " contact@example.com.tw ", " 02-1 ", " 臺北 ");
        assertEquals("contact@example.com.tw", contact.getEmail());
        assertEquals("王小明", contact.getName());
    }

    @Test
    void oneFormAddsOneToTwentySubscribersNumberedInTurn() {
        Organization organization = organization();
        for (int count : new int[] {0, -1, Organization.MAX_SUBSCRIBERS_PER_FORM + 1}) {
            FormRuleException e = assertThrows(FormRuleException.class, () -> organization.addSubscribers(count, AT));
            assertEquals("subscribers", e.field());
            assertEquals("registration.subscribers.range", e.messageKey());
        }
        assertEquals(0, organization.getLastSubscriberSeq(), "a refused form numbers nobody");

        List<Subscriber> added = organization.addSubscribers(Organization.MAX_SUBSCRIBERS_PER_FORM, AT);
        assertEquals("70759028-00-0001", added.get(0).getSubscriberId());
        assertEquals("70759028-00-0020", added.get(19).getSubscriberId());
    }

    private static Organization organization() {
        return new Organization(BusinessNumber.of("70759028"), "範例",
                new Contact("王", "contact@example.com.tw", "02", "臺北"), AT, "clerk");
    }
}
