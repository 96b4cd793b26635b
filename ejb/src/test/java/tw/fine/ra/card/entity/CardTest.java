package tw.fine.ra.card.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.entity.CardRefusedException.Reason;
import tw.fine.ra.card.entity.CardStatus.Transition;

class CardTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String GUID = "00112233445566778899aabbccddeeff";

    @Test
    void aBlankCardCanOnlyBePersonalizedOrRetired() {
        for (Transition t : Transition.values()) {
            assertEquals(t == Transition.PERSONALIZE || t == Transition.RETIRE, t.startsFrom(CardStatus.BLANK), t.name());
        }
        assertFalse(CardStatus.RETIRED.canMoveTo(CardStatus.ISSUED_TO_SUBSCRIBER), "retired is final");
        assertTrue(CardStatus.BLOCKED.canMoveTo(CardStatus.ISSUED_TO_SUBSCRIBER));
    }

    @Test
    void theActiveSubscriberFollowsTheStatus() throws Exception {
        Card card = new Card(GUID, "70759028-00-0001", NOW, "alice");
        assertEquals(GUID.toUpperCase(), card.getGuid());
        assertNull(card.view().personalizedAt());

        card.personalized("1.0.0", NOW, "alice");
        card.move(Transition.HAND_OVER, NOW);
        assertTrue(card.getStatus().isInSubscribersHands());
        card.move(Transition.BLOCK, NOW);
        assertTrue(card.getStatus().isActive());
        assertFalse(card.getStatus().isInSubscribersHands(), "a blocked card gets no tickets");
        card.move(Transition.RETIRE, NOW);
        assertFalse(card.getStatus().isActive());
        assertEquals(Reason.ILLEGAL_TRANSITION,
                assertThrows(CardRefusedException.class, () -> card.move(Transition.UNBLOCK, NOW)).reason());
    }

    @Test
    void aGuidIsSixteenBytesOfHex() {
        assertNull(Card.normalizedGuid("0011"));
        assertNull(Card.normalizedGuid("zz112233445566778899AABBCCDDEEFF"));
        assertNull(Card.normalizedGuid(null));
        assertEquals(GUID.toUpperCase(), Card.normalizedGuid(" " + GUID + " "));
    }

    @Test
    void aChallengeIsSpentOnceByItsSubscriberBeforeItExpires() throws Exception {
        CardAuthentication first = new CardAuthentication("a", GUID, "s1", new byte[] {1, 2}, NOW, Duration.ofSeconds(60));
        assertEquals(Reason.UNKNOWN_CHALLENGE,
                assertThrows(CardRefusedException.class, () -> first.spend("s2", NOW)).reason());
        assertArrayEquals(new byte[] {1, 2}, first.spend("s1", NOW.plusSeconds(59)));
        assertEquals(Reason.CHALLENGE_ALREADY_USED,
                assertThrows(CardRefusedException.class, () -> first.spend("s1", NOW.plusSeconds(1))).reason());

        CardAuthentication late = new CardAuthentication("b", GUID, "s1", new byte[] {1}, NOW, Duration.ofSeconds(60));
        assertEquals(Reason.CHALLENGE_EXPIRED,
                assertThrows(CardRefusedException.class, () -> late.spend("s1", NOW.plusSeconds(60))).reason());
    }
}
