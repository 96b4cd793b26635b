package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardStatus;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.it.support.AliceClerk;
import tw.fine.ra.it.support.BobOfficer;

/** The card registry in the server, on the real database. */
@ExtendWith(ArquillianExtension.class)
class CardRegistryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(CardRegistryIT.class);
    }

    @Inject
    Cards cards;

    @Inject
    AliceClerk clerk;

    @Inject
    BobOfficer officer;

    @Inject
    AsCardHolder holder;

    @Inject
    CardFixtures fixtures;

    @Inject
    RaCounter counter;

    @Test
    void aCardGoesBlankPersonalizedIssuedBlockedRetiredAndEveryStepIsAudited() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        CardView issued = holder.call(() -> cards.myCard()).orElseThrow();
        assertEquals(guid, issued.guid());
        assertEquals(CardStatus.ISSUED_TO_SUBSCRIBER, issued.status());
        assertEquals("1.0.0", issued.appletVersion());
        assertEquals("alice", issued.personalizedBy());
        assertNotNull(issued.personalizedAt());
        assertEquals(CardStatus.BLOCKED, officer.call(() -> cards.block(guid, CLIENT)).status());
        assertEquals(CardStatus.RETIRED, officer.call(() -> cards.retire(guid, CLIENT)).status());
        assertTrue(holder.call(() -> cards.myCard()).isEmpty(), "a retired card is nobody's card in use");

        for (AuditEvent event : new AuditEvent[] {AuditEvent.CARD_REGISTERED, AuditEvent.CARD_PERSONALIZED,
                AuditEvent.CARD_HANDED_OVER, AuditEvent.CARD_BLOCKED, AuditEvent.CARD_RETIRED}) {
            assertEquals(1, fixtures.audits(event, Outcome.SUCCESS, CardFixtures.HOLDER, guid), event.name());
        }
    }

    @Test
    void aSubscriberHoldsOneCardInUseAndTheDatabaseEnforcesItToo() throws Exception {
        counter.issueCardTo(CardFixtures.HOLDER);

        CardRefusedException refused = assertThrows(CardRefusedException.class,
                () -> clerk.call(() -> cards.registerBlank(CardFixtures.HOLDER, CLIENT)));
        assertEquals(CardRefusedException.Reason.SUBSCRIBER_HAS_ACTIVE_CARD, refused.reason());
        assertEquals("card.refused.SUBSCRIBER_HAS_ACTIVE_CARD", refused.messageKey());
        // behind the boundary's back: the unique constraint on the active subscriber refuses
        assertThrows(EJBException.class, () -> fixtures.forceSecondActiveCard(CardFixtures.HOLDER));
    }

    @Test
    void aStepTheStatusDoesNotAllowIsRefusedAndAudited() throws Exception {
        counter.issueCardTo(CardFixtures.HOLDER);
        clerk.call(() -> cards.retire(cards.ofSubscriber(CardFixtures.HOLDER).stream()
                .filter(c -> c.status().isActive()).findFirst().orElseThrow().guid(), CLIENT));
        String blank = clerk.call(() -> cards.registerBlank(CardFixtures.HOLDER, CLIENT)).guid();

        CardRefusedException refused = assertThrows(CardRefusedException.class,
                () -> clerk.call(() -> cards.handOver(blank, CLIENT)));

        assertEquals(CardRefusedException.Reason.ILLEGAL_TRANSITION, refused.reason());
        assertEquals(CardStatus.BLANK, clerk.call(() -> cards.find(blank)).orElseThrow().status());
        assertEquals(1, fixtures.audits(AuditEvent.CARD_HANDED_OVER, Outcome.FAILURE, CardFixtures.HOLDER, blank));
    }

    @Test
    void aCardForSomeoneNotRegisteredIsRefused() {
        CardRefusedException refused = assertThrows(CardRefusedException.class,
                () -> clerk.call(() -> cards.registerBlank("99999999-00-0001", CLIENT)));
        assertEquals(CardRefusedException.Reason.UNKNOWN_SUBSCRIBER, refused.reason());
    }
}
