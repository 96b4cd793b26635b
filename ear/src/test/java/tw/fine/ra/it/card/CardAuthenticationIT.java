package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.AuthenticatedCard;
import tw.fine.ra.card.entity.CardNotProvedException;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardRefusedException.Reason;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.PivCard;

/**
 * The server's half of the relayed management-key authentication against the real applet in
 * jCardSim: the test plays the agent, relaying the card's blocks to the boundary and back.
 */
@ExtendWith(ArquillianExtension.class)
class CardAuthenticationIT {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(CardAuthenticationIT.class);
    }

    @Inject
    CardAuthentications authentications;

    @Inject
    CardTickets tickets;

    @Inject
    AsCardHolder holder;

    @Inject
    AsOtherHolder other;

    @Inject
    CardFixtures fixtures;

    @Inject
    RaCounter counter;

    @Test
    void theRegisteredCardProvesItsKeyThroughTheRelayAndThenGetsAdministrativeTickets() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.HOLDER);
        PivCard card = issued.card();

        AdminChallenge challenge = holder.call(
                () -> authentications.begin(issued.guid(), card.requestWitness(AES), CLIENT));
        byte[] response = card.answerWitness(AES, challenge.witness(), challenge.challenge());
        AuthenticatedCard authenticated = holder.call(() -> authentications.finish(challenge.id(), response, CLIENT));

        assertEquals(issued.guid(), authenticated.cardGuid());
        assertTrue(authenticated.validUntil().isAfter(authenticated.authenticatedAt()));
        // the card accepted the server's witness, so it is authenticated too: it generates a key now
        card.generate(tw.fine.ra.card.protocol.piv.Slot.SIGNATURE, tw.fine.ra.card.protocol.piv.KeyAlgorithm.EC_P256);
        holder.call(() -> tickets.issue(issued.guid(), "generate-key", CardFixtures.ORIGIN, Map.of("slot", "9C"),
                CLIENT));
        assertEquals(1, fixtures.audits(AuditEvent.CARD_AUTHENTICATION, Outcome.SUCCESS, CardFixtures.HOLDER,
                issued.guid()));
    }

    @Test
    void aForgedResponseIsRefusedAuditedAndSpendsTheChallenge() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.HOLDER);
        String guid = issued.guid();
        AdminChallenge challenge = holder.call(
                () -> authentications.begin(guid, issued.card().requestWitness(AES), CLIENT));

        CardRefusedException refused = assertThrows(CardRefusedException.class, () -> holder.call(
                () -> authentications.finish(challenge.id(), forgedResponse(challenge), CLIENT)));

        assertEquals(Reason.CARD_NOT_PROVED, refused.reason());
        assertTrue(refused instanceof CardNotProvedException);
        assertEquals(1, fixtures.audits(AuditEvent.CARD_AUTHENTICATION, Outcome.FAILURE, CardFixtures.HOLDER, guid));
        // no second guess, not even with the card's right answer
        byte[] right = issued.card().answerWitness(AES, challenge.witness(), challenge.challenge());
        assertRefused(Reason.CHALLENGE_ALREADY_USED, () -> holder.call(
                () -> authentications.finish(challenge.id(), right, CLIENT)));
        assertRefused(Reason.CARD_NOT_AUTHENTICATED, () -> holder.call(
                () -> tickets.issue(guid, "generate-key", CardFixtures.ORIGIN, Map.of("slot", "9C"), CLIENT)));
    }

    @Test
    void anotherCardWithTheSameGuidButNotTheRegisteredKeyCannotAnswer() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();
        PivCard impostor = fixtures.impostorCard(guid);

        AdminChallenge challenge = holder.call(() -> authentications.begin(guid, impostor.requestWitness(AES), CLIENT));

        // mutual: the server decrypted the witness with the registered card's key, which this card does not hold
        assertThrows(Exception.class, () -> impostor.answerWitness(AES, challenge.witness(), challenge.challenge()));
    }

    @Test
    void nobodyAuthenticatesAnotherSubscribersCardOrFinishesTheirChallenge() throws Exception {
        RaCounter.IssuedCard othersCard = counter.issueCardTo(CardFixtures.OTHER_HOLDER);
        counter.issueCardTo(CardFixtures.HOLDER);
        byte[] witness = othersCard.card().requestWitness(AES);

        assertRefused(Reason.NOT_YOUR_CARD, () -> holder.call(
                () -> authentications.begin(othersCard.guid(), witness, CLIENT)));
        assertEquals(1, fixtures.audits(AuditEvent.CARD_AUTHENTICATION, Outcome.FAILURE, CardFixtures.HOLDER,
                othersCard.guid()));
        AdminChallenge challenge = other.call(() -> authentications.begin(othersCard.guid(), witness, CLIENT));
        byte[] response = othersCard.card().answerWitness(AES, challenge.witness(), challenge.challenge());
        assertRefused(Reason.UNKNOWN_CHALLENGE, () -> holder.call(
                () -> authentications.finish(challenge.id(), response, CLIENT)));
        // the owner still can: a refused stranger does not spend it
        assertFalse(other.call(() -> authentications.finish(challenge.id(), response, CLIENT)).cardGuid().isEmpty());
    }

    @Test
    void aWitnessThatIsNotOneBlockIsMalformed() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        assertRefused(Reason.MALFORMED_WITNESS, () -> holder.call(
                () -> authentications.begin(guid, new byte[15], CLIENT)));
    }

    /** What a page or agent without the key could send: anything but the card's encryption of the challenge. */
    private static byte[] forgedResponse(AdminChallenge challenge) {
        byte[] forged = Arrays.copyOf(challenge.challenge(), challenge.challenge().length);
        forged[0] ^= 1;
        return forged;
    }

    private static void assertRefused(Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(CardRefusedException.class, call).reason());
    }
}
