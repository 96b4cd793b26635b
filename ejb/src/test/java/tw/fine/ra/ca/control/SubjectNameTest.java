package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RequestRejectedException.Reason;

/** The CA checks the subject against registration's rules itself, whatever its caller checked. */
class SubjectNameTest {

    @Test
    void aSubscriberOfAValidOrganizationIsCertified() throws Exception {
        assertEquals(new SubjectName("70759028-00-0007", "70759028"), SubjectName.registered("70759028-00-0007", "70759028"));
    }

    @Test
    void aBusinessNumberFailingItsCheckIsRefused() {
        assertRefused(Reason.INVALID_BUSINESS_NUMBER, "70759029-00-0001", "70759029");
        assertRefused(Reason.INVALID_BUSINESS_NUMBER, "7075902-00-0001", "7075902");
    }

    @Test
    void aSubscriberOfAnotherOrganizationIsRefused() {
        // 04595257 is a valid number too: the subject would name one organization's subscriber under another's OU
        assertRefused(Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, "04595257-00-0001", "70759028");
    }

    @Test
    void aSubscriberIdNotOfTheFormUbn00NnnnIsRefused() {
        assertRefused(Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, "70759028-01-0001", "70759028");
        assertRefused(Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, "70759028-00-001", "70759028");
        assertRefused(Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, "70759028-00-00a1", "70759028");
        assertRefused(Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, null, "70759028");
    }

    private static void assertRefused(Reason reason, String subscriberId, String ubn) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> SubjectName.registered(subscriberId, ubn));
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
