package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.ca.boundary.RaKeys;
import tw.fine.ra.ca.control.CaKeyStoreFactory;
import tw.fine.ra.ca.control.CaSettings;
import tw.fine.ra.ca.control.RaKeyring;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.control.CardSecrets;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardRefusedException.Reason;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.protocol.ticket.CommandTicket;
import tw.fine.ra.card.protocol.ticket.Expectation;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;
import tw.fine.ra.it.support.AliceClerk;

/** Command tickets and the keys behind them, in the server. */
@ExtendWith(ArquillianExtension.class)
class CardTicketsIT {

    static final String ORIGIN = CardFixtures.ORIGIN;
    static final Map<String, String> PARAMS = Map.of("slot", "9C", "nonce", "bm9uY2U");

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(CardTicketsIT.class);
    }

    @Inject
    CardTickets tickets;

    @Inject
    Cards cards;

    @Inject
    RaKeys keys;

    @Inject
    AliceClerk clerk;

    @Inject
    AsCardHolder holder;

    @Inject
    AsOtherHolder other;

    @Inject
    CardFixtures fixtures;

    @Inject
    RaCounter counter;

    @Test
    void aTicketForTheHoldersCardVerifiesWithThePublishedKeyAndBindsEverything() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        IssuedTicket issued = holder.call(() -> tickets.issue(guid, "sign-challenge", ORIGIN, PARAMS, CLIENT));

        TicketVerifier verifier = new TicketVerifier(TicketKeys.fromPem(servedTicketKey()), Clock.systemUTC(),
                new ReplayGuard(Instant.EPOCH));
        CommandTicket ticket = verifier.verify(issued.ticket(),
                new Expectation(Operation.SIGN_CHALLENGE, ORIGIN, guid, Parameters.hash(PARAMS)));
        assertEquals(guid, ticket.cardGuid());
        assertTrue(Duration.between(ticket.issuedAt(), ticket.expiresAt()).compareTo(Duration.ofMinutes(5)) <= 0);
        assertTrue(ticket.nonce().length() >= 22, "at least 128 random bits");
        // bound: another origin, operation or parameter set does not pass
        assertThrows(Exception.class, () -> new TicketVerifier(TicketKeys.fromPem(servedTicketKey()), Clock.systemUTC(),
                new ReplayGuard(Instant.EPOCH)).verify(issued.ticket(), new Expectation(Operation.SIGN_CHALLENGE,
                "https://evil.example", guid, Parameters.hash(PARAMS))));
    }

    @Test
    void noTicketForAnotherSubscribersCardAndTheRefusalIsAudited() throws Exception {
        String othersCard = counter.issueCardTo(CardFixtures.OTHER_HOLDER).guid();
        counter.issueCardTo(CardFixtures.HOLDER);

        assertRefused(Reason.NOT_YOUR_CARD, () -> holder.call(
                () -> tickets.issue(othersCard, "sign-challenge", ORIGIN, PARAMS, CLIENT)));
        assertEquals(1, fixtures.audits(AuditEvent.CARD_TICKET_REFUSED, Outcome.FAILURE, CardFixtures.HOLDER,
                othersCard));
        // its owner gets one
        other.call(() -> tickets.issue(othersCard, "sign-challenge", ORIGIN, PARAMS, CLIENT));
    }

    @Test
    void noTicketForAnOriginOutsideTheConfiguredList() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        assertRefused(Reason.ORIGIN_NOT_ALLOWED, () -> holder.call(
                () -> tickets.issue(guid, "sign-challenge", "https://evil.example", PARAMS, CLIENT)));
        assertRefused(Reason.ORIGIN_NOT_ALLOWED, () -> holder.call(
                () -> tickets.issue(guid, "sign-challenge", ORIGIN + "/", PARAMS, CLIENT)));
    }

    @Test
    void subscribersGetNoPersonalizationTicketsAndNoneForUnknownOperationsOrCards() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        assertRefused(Reason.OPERATION_NOT_ALLOWED, () -> holder.call(
                () -> tickets.issue(guid, "personalize", ORIGIN, PARAMS, CLIENT)));
        assertRefused(Reason.OPERATION_NOT_ALLOWED, () -> holder.call(
                () -> tickets.issue(guid, "format-card", ORIGIN, PARAMS, CLIENT)));
        assertRefused(Reason.UNKNOWN_CARD, () -> holder.call(
                () -> tickets.issue("00".repeat(16), "sign-challenge", ORIGIN, PARAMS, CLIENT)));
    }

    @Test
    void administrativeStepsNeedACardTheServerJustAuthenticated() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();

        assertRefused(Reason.CARD_NOT_AUTHENTICATED, () -> holder.call(
                () -> tickets.issue(guid, "generate-key", ORIGIN, Map.of("slot", "9C"), CLIENT)));
        // the authentication itself needs no earlier proof
        holder.call(() -> tickets.issue(guid, "admin-authenticate", ORIGIN, Map.of("algorithm", "AES_128"), CLIENT));
    }

    @Test
    void aBlockedCardGetsNoTickets() throws Exception {
        String guid = counter.issueCardTo(CardFixtures.HOLDER).guid();
        clerk.call(() -> cards.block(guid, CLIENT));

        assertRefused(Reason.CARD_NOT_ACTIVE, () -> holder.call(
                () -> tickets.issue(guid, "sign-challenge", ORIGIN, PARAMS, CLIENT)));
    }

    @Test
    void theRaCounterGetsAPersonalizationTicketForABlankCardOnly() throws Exception {
        String issued = counter.issueCardTo(CardFixtures.HOLDER).guid();
        clerk.call(() -> cards.retire(issued, CLIENT));
        String blank = clerk.call(() -> cards.registerBlank(CardFixtures.HOLDER, CLIENT)).guid();

        IssuedTicket ticket = clerk.call(() -> tickets.forPersonalization(blank, ORIGIN, Map.of("guid", blank), CLIENT));

        assertEquals("personalize", ticket.operation());
        assertRefused(Reason.CARD_NOT_ACTIVE, () -> clerk.call(
                () -> tickets.forPersonalization(issued, ORIGIN, Map.of("guid", issued), CLIENT)));
    }

    @Test
    void masterKeysAndTheTicketKeyAreTheSameFromAReopenedKeyStore() {
        RaKeyring reopened = new RaKeyring(CaKeyStoreFactory.open(System::getProperty, System::getenv),
                CaSettings.from(System::getProperty), Clock.systemUTC());
        Map<CardMasterKey.Purpose, CardMasterKey> masters = reopened.cardMasterKeys();
        CardSecrets running = new CardSecrets(keys.cardMasterKey(CardMasterKey.Purpose.MANAGEMENT_KEY),
                keys.cardMasterKey(CardMasterKey.Purpose.PUK));
        CardSecrets fromReopened = new CardSecrets(masters.get(CardMasterKey.Purpose.MANAGEMENT_KEY),
                masters.get(CardMasterKey.Purpose.PUK));
        String guid = HexFormat.of().withUpperCase().formatHex(new byte[16]);

        assertArrayEquals(running.managementKey(guid), fromReopened.managementKey(guid));
        assertArrayEquals(running.puk(guid), fromReopened.puk(guid));
        assertEquals(keys.ticketKey().publicKey(), reopened.ticketKey().publicKey());
    }

    /** The PEM as agents and the dev runner fetch it, over plain HTTP from this server. */
    private static String servedTicketKey() throws Exception {
        int port = Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/pki/ticket-key.pem")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-pem-file"));
        return response.body();
    }

    private static void assertRefused(Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(CardRefusedException.class, call).reason());
    }
}
