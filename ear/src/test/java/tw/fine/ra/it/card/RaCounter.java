package tw.fine.ra.it.card;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Base64;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardPersonalizations;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.PersonalizationFinish;
import tw.fine.ra.card.entity.PersonalizationStart;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.it.support.Mailers;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.it.support.AliceClerk;

/**
 * What the RA counter does before a subscriber can use a card, through the registry boundary as
 * clerk alice; each step in its own transaction, as the pages would call them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RaCounter {

    static final String CLIENT = "192.0.2.10";

    public record IssuedCard(String guid, PivCard card) {
    }

    /** A card personalized at the counter as the clerk's page does it, with its certified F9 key and its mailer PIN. */
    public record CounterCard(String guid, PivCard card, String pin) {
    }

    @Inject
    CardPersonalizations personalizations;

    @Inject
    CardAuthentications authentications;

    @Inject
    AliceClerk clerk;

    @Inject
    Cards cards;

    @Inject
    CardFixtures fixtures;

    /**
     * Retires the subscriber's card in use and personalizes a blank simulated card for him through
     * the counter's boundaries: sealed secrets, certified attestation key written to F9, handed over.
     */
    public CounterCard personalizeAtCounter(String subscriberId) throws Exception {
        fixtures.subscriber(subscriberId);
        clerk.call(() -> {
            for (CardView old : cards.ofSubscriber(subscriberId)) {
                if (old.status().isActive()) {
                    cards.retire(old.guid(), CLIENT);
                }
            }
            return null;
        });
        PivCard card = fixtures.blankCard();
        String transportKey = Base64.getEncoder().encodeToString(card.transportKey().getEncoded());
        PersonalizationStart start = clerk.call(() -> personalizations.begin(subscriberId, transportKey,
                CardFixtures.ORIGIN, CLIENT));
        card.personalizeSealed(Base64.getDecoder().decode(start.parameters().get("envelope")), KeyAlgorithm.EC_P256);
        card.select();
        String attestationKey = Base64.getEncoder().encodeToString(card.publicKey(Slot.ATTESTATION).getEncoded());
        PersonalizationFinish finish = clerk.call(() -> personalizations.finish(start.guid(), start.guid(),
                attestationKey, "1.1.0", CardFixtures.ORIGIN, CLIENT));
        byte[] witness = card.requestWitness(ManagementKeyAlgorithm.AES_128);
        AdminChallenge challenge = clerk.call(() -> authentications.begin(start.guid(), witness, CLIENT));
        byte[] response = card.answerWitness(ManagementKeyAlgorithm.AES_128, challenge.witness(),
                challenge.challenge());
        clerk.call(() -> authentications.finish(challenge.id(), response, CLIENT));
        card.writeCertificate(Slot.ATTESTATION, finish.attestationCertificate());
        clerk.call(() -> personalizations.handOver(start.guid(), CLIENT));
        card.select();
        return new CounterCard(start.guid(), card, Mailers.cardPin(start.pinMailer()).orElseThrow());
    }

    /** Retires the subscriber's card in use, registers, personalizes and hands over a new one. */
    public IssuedCard issueCardTo(String subscriberId) throws Exception {
        fixtures.subscriber(subscriberId);
        String guid = clerk.call(() -> {
            for (CardView old : cards.ofSubscriber(subscriberId)) {
                if (old.status().isActive()) {
                    cards.retire(old.guid(), CLIENT);
                }
            }
            return cards.registerBlank(subscriberId, CLIENT).guid();
        });
        PivCard card = fixtures.personalizedCard(guid);
        clerk.call(() -> cards.personalized(guid, "1.0.0", CLIENT));
        clerk.call(() -> cards.handOver(guid, CLIENT));
        return new IssuedCard(guid, card);
    }
}
