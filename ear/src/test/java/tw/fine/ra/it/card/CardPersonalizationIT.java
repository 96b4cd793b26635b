package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.ca.boundary.CardAttestationAuthority;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardPersonalizations;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardRefusedException.Reason;
import tw.fine.ra.card.entity.CardStatus;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.entity.PersonalizationFinish;
import tw.fine.ra.card.entity.PersonalizationStart;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Expectation;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;
import tw.fine.ra.card.protocol.x509.AttestationVerifier;
import tw.fine.ra.it.support.AliceClerk;
import tw.fine.ra.it.support.Mailers;

/**
 * Personalization of a blank card at the RA counter against the real applet in jCardSim: the test
 * plays page and card-station agent, relaying only what they would see.
 */
@ExtendWith(ArquillianExtension.class)
class CardPersonalizationIT {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(CardPersonalizationIT.class);
    }

    @Inject
    CardPersonalizations personalizations;

    @Inject
    CardAuthentications authentications;

    @Inject
    CardTickets tickets;

    @Inject
    Cards cards;

    @Inject
    CardAttestationAuthority attestationCa;

    @Inject
    AliceClerk clerk;

    @Inject
    CardFixtures fixtures;

    /** Everything the page and the agent see of one personalization, in the order they see it. */
    private final List<String> traffic = new ArrayList<>();

    @Test
    void aBlankCardIsPersonalizedCertifiedAndHandedOverWithThePinOfTheMailerAndTheDerivedPuk() throws Exception {
        String subscriber = freshSubscriber(CardFixtures.HOLDER);
        PivCard card = fixtures.blankCard();

        Personalized done = personalize(subscriber, card);

        String guid = done.start().guid();
        assertEquals(CardStatus.ISSUED_TO_SUBSCRIBER, clerk.call(() -> cards.find(guid)).orElseThrow().status());
        // the sealed envelope put the server's GUID on the card
        assertEquals(guid, HexFormat.of().withUpperCase().formatHex(card.guid().orElseThrow()));
        // the PIN exists only in the mailer, and the card takes it
        String pin = Mailers.cardPin(done.start().pinMailer()).orElseThrow();
        assertTrue(pin.matches("\\d{6,8}"), "6 to 8 digits");
        card.verifyPin(pin.toCharArray());
        // the PUK the server derives unblocks the card
        card.resetRetryCounter(fixtures.puk(guid), "24680135".toCharArray());
        card.verifyPin("24680135".toCharArray());

        assertEquals(1, fixtures.audits(AuditEvent.CARD_REGISTERED, Outcome.SUCCESS, subscriber, guid));
        assertEquals(1, fixtures.audits(AuditEvent.PASSWORD_MAILER_PRINTED, Outcome.SUCCESS, subscriber, guid));
        assertEquals(1, fixtures.audits(AuditEvent.CARD_PERSONALIZED, Outcome.SUCCESS, subscriber,
                guid + " attestation key certified"));
        assertEquals(1, fixtures.audits(AuditEvent.CARD_HANDED_OVER, Outcome.SUCCESS, subscriber, guid));
        assertNoSecretIn(traffic, pin, fixtures.puk(guid), fixtures.managementKey(guid));
    }

    @Test
    void aKeyGeneratedOnThePersonalizedCardVerifiesToThePublishedCardAttestationCa() throws Exception {
        String subscriber = freshSubscriber(CardFixtures.OTHER_HOLDER);
        PivCard card = fixtures.blankCard();
        String guid = personalize(subscriber, card).start().guid();

        // the card is still authenticated in this session (as the agent's generate-key would be)
        PublicKey key = card.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        byte[] attestation = card.attest(Slot.SIGNATURE);
        byte[] f9 = card.readCertificate(Slot.ATTESTATION).orElseThrow();
        X509Certificate published = publishedCardAttestationCa();

        assertEquals(attestationCa.certificate(), published);
        AttestationVerifier.Attested attested = new AttestationVerifier(published, Clock.systemUTC())
                .verify(attestation, f9, key, Slot.SIGNATURE, guid);
        assertEquals(guid, attested.cardGuid());
        assertEquals(0, attested.attestationKeyCertificate().getBasicConstraints());
    }

    @Test
    void aSubscriberWithAnActiveCardGetsNoSecondAndAPersonalizedCardIsNotPersonalizedAgain() throws Exception {
        String subscriber = freshSubscriber(CardFixtures.HOLDER);
        PivCard card = fixtures.blankCard();
        String transportKey = base64(card.transportKey().getEncoded());
        Personalized first = personalize(subscriber, card);
        String guid = first.start().guid();

        assertRefused(Reason.SUBSCRIBER_HAS_ACTIVE_CARD, () -> clerk.call(() ->
                personalizations.begin(subscriber, base64(fixtures.blankCard().transportKey().getEncoded()),
                        CardFixtures.ORIGIN, CLIENT)));
        // the same card once more, for another subscriber: the card refuses a second envelope ...
        String other = freshSubscriber(CardFixtures.OTHER_HOLDER);
        PersonalizationStart again = clerk.call(() -> personalizations.begin(other, transportKey,
                CardFixtures.ORIGIN, CLIENT));
        assertThrows(CardStatusException.class, () -> card.personalizeSealed(
                Base64.getDecoder().decode(again.parameters().get("envelope")), KeyAlgorithm.EC_P256));
        // ... and the server refuses a card that reads back another GUID, or a finished card again
        String f9Key = base64(card.publicKey(Slot.ATTESTATION).getEncoded());
        assertRefused(Reason.PERSONALIZATION_MISMATCH, () -> clerk.call(() -> personalizations.finish(again.guid(),
                guid, f9Key, "1.1.0", CardFixtures.ORIGIN, CLIENT)));
        assertRefused(Reason.SUBSCRIBER_HAS_ACTIVE_CARD, () -> clerk.call(() -> personalizations.finish(guid, guid,
                f9Key, "1.1.0", CardFixtures.ORIGIN, CLIENT)));
        assertEquals(CardStatus.BLANK, clerk.call(() -> cards.find(again.guid())).orElseThrow().status());
        assertFalse(clerk.call(() -> cards.find(again.guid())).orElseThrow().status().isActive(),
                "the abandoned blank holds no place of the other subscriber's");
        assertEquals(1, fixtures.audits(AuditEvent.CARD_PERSONALIZED, Outcome.FAILURE, "-", again.guid()));
    }

    @Test
    void theCounterWritesOnlyTheCardsOwnAttestationCertificateAndOnlyAfterTheCardProvedItsKey() throws Exception {
        String subscriber = freshSubscriber(CardFixtures.OTHER_HOLDER);
        PivCard card = fixtures.blankCard();
        PersonalizationStart start = clerk.call(() -> personalizations.begin(subscriber,
                base64(card.transportKey().getEncoded()), CardFixtures.ORIGIN, CLIENT));
        card.personalizeSealed(Base64.getDecoder().decode(start.parameters().get("envelope")), KeyAlgorithm.EC_P256);
        card.select();
        String guid = start.guid();
        PersonalizationFinish finish = clerk.call(() -> personalizations.finish(guid, guid,
                base64(card.publicKey(Slot.ATTESTATION).getEncoded()), "1.1.0", CardFixtures.ORIGIN, CLIENT));

        assertRefused(Reason.CARD_NOT_AUTHENTICATED, () -> clerk.call(() -> personalizations
                .attestationCertificateTicket(guid, finish.attestationCertificate(), CardFixtures.ORIGIN, CLIENT)));
        byte[] otherCardsCertificate = attestationCa.certificate().getEncoded();
        assertRefused(Reason.NOT_THE_CARDS_CERTIFICATE, () -> clerk.call(() -> personalizations
                .attestationCertificateTicket(guid, otherCardsCertificate, CardFixtures.ORIGIN, CLIENT)));
        assertRefused(Reason.OPERATION_NOT_ALLOWED, () -> clerk.call(() -> tickets.forCounter(guid,
                "write-certificate", CardFixtures.ORIGIN, Map.of("slot", "9C", "certificate", "AA=="), CLIENT)));
        assertRefused(Reason.OPERATION_NOT_ALLOWED, () -> clerk.call(() -> tickets.forCounter(guid,
                "generate-key", CardFixtures.ORIGIN, Map.of("slot", "9C"), CLIENT)));
    }

    private record Personalized(PersonalizationStart start, PersonalizationFinish finish) {
    }

    /** What the clerk's page does with the card-station agent, step by step, each call in its own transaction. */
    private Personalized personalize(String subscriber, PivCard card) throws Exception {
        // GET /v1/card: a blank card shows its transport key
        String transportKey = base64(card.transportKey().getEncoded());
        PersonalizationStart start = clerk.call(() -> personalizations.begin(subscriber, transportKey,
                CardFixtures.ORIGIN, CLIENT));
        record(start.parameters().values(), start.ticket());
        assertAgentAccepts(start.ticket(), Operation.PERSONALIZE, start.guid(), start.parameters());
        // POST /v1/card/personalize
        PublicKey cardAuthentication = card.personalizeSealed(
                Base64.getDecoder().decode(start.parameters().get("envelope")), KeyAlgorithm.EC_P256);
        card.select();
        String readBack = HexFormat.of().withUpperCase().formatHex(card.guid().orElseThrow());
        String attestationKey = base64(card.publicKey(Slot.ATTESTATION).getEncoded());
        record(List.of(readBack, attestationKey, base64(cardAuthentication.getEncoded())));
        PersonalizationFinish finish = clerk.call(() -> personalizations.finish(start.guid(), readBack, attestationKey,
                "1.1.0", CardFixtures.ORIGIN, CLIENT));
        record(List.of(base64(finish.attestationCertificate())), finish.adminAuthenticateTicket());
        // POST /v1/card/admin-authenticate, then admin-answer
        assertAgentAccepts(finish.adminAuthenticateTicket(), Operation.ADMIN_AUTHENTICATE, start.guid(),
                finish.adminAuthenticateParameters());
        byte[] witness = card.requestWitness(AES);
        AdminChallenge challenge = clerk.call(() -> authentications.begin(start.guid(), witness, CLIENT));
        byte[] response = card.answerWitness(AES, challenge.witness(), challenge.challenge());
        clerk.call(() -> authentications.finish(challenge.id(), response, CLIENT));
        record(List.of(base64(witness), base64(challenge.witness()), base64(challenge.challenge()), base64(response)));
        // POST /v1/card/write-certificate F9
        IssuedTicket write = clerk.call(() -> personalizations.attestationCertificateTicket(start.guid(),
                finish.attestationCertificate(), CardFixtures.ORIGIN, CLIENT));
        assertAgentAccepts(write, Operation.WRITE_CERTIFICATE, start.guid(), Map.of("slot", "F9",
                "certificate", base64(finish.attestationCertificate())));
        card.writeCertificate(Slot.ATTESTATION, finish.attestationCertificate());
        record(List.of(), write);
        CardView handedOver = clerk.call(() -> personalizations.handOver(start.guid(), CLIENT));
        assertNotNull(handedOver);
        return new Personalized(start, finish);
    }

    /** The check of an agent started before the ticket was issued, with the key it pins from {@code /pki/ticket-key.pem}. */
    private void assertAgentAccepts(IssuedTicket ticket, Operation operation, String guid, Map<String, String> params)
            throws Exception {
        TicketVerifier agent = new TicketVerifier(TicketKeys.fromPem(tickets.publicKeyPem()), Clock.systemUTC(),
                new ReplayGuard(Instant.EPOCH));
        assertNotNull(agent.verify(ticket.ticket(), new Expectation(operation, CardFixtures.ORIGIN, guid,
                Parameters.hash(params))));
    }

    private void record(Iterable<String> values, IssuedTicket... issued) {
        values.forEach(traffic::add);
        for (IssuedTicket ticket : issued) {
            traffic.add(ticket.ticket());
            for (String part : ticket.ticket().split("\\.")) {
                traffic.add(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Neither in text nor inside any base64 value: the PIN, the PUK, the management key. */
    private static void assertNoSecretIn(List<String> traffic, String pin, byte[] puk, byte[] managementKey) {
        String pukText = new String(puk, StandardCharsets.US_ASCII);
        String keyHex = HexFormat.of().formatHex(managementKey);
        assertTrue(traffic.size() > 10, "the traffic was recorded");
        for (String value : traffic) {
            String lower = value.toLowerCase();
            assertFalse(lower.contains(keyHex), "management key in hex");
            assertFalse(value.contains(base64(managementKey).substring(0, 20)), "management key in base64");
            assertFalse(value.contains(pukText), "PUK in text");
            byte[] decoded = decodedOrEmpty(value);
            String bytes = new String(decoded, StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(pin), "PIN inside a base64 value");
            assertFalse(bytes.contains(pukText), "PUK inside a base64 value");
            assertFalse(HexFormat.of().formatHex(decoded).contains(keyHex), "management key inside a base64 value");
        }
        // the PIN in clear only where a value is not base64 (a GUID or a JSON text); digits can occur by chance in base64
        traffic.stream().filter(v -> decodedOrEmpty(v).length == 0 || v.startsWith("{"))
                .forEach(v -> assertFalse(v.contains(pin), "PIN in text: " + v));
    }

    private static byte[] decodedOrEmpty(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** The subscriber without an active card (earlier tests' cards retired). */
    private String freshSubscriber(String subscriber) throws Exception {
        fixtures.subscriber(subscriber);
        clerk.call(() -> {
            for (CardView old : cards.ofSubscriber(subscriber)) {
                if (old.status().isActive()) {
                    cards.retire(old.guid(), CLIENT);
                }
            }
            return null;
        });
        return subscriber;
    }

    private static X509Certificate publishedCardAttestationCa() throws Exception {
        int port = Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/pki/card-attestation-ca.pem")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(new String(response.body(), StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE-----"));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(response.body()));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void assertRefused(Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(CardRefusedException.class, call).reason());
    }
}
