package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.agent.card.SimulatedEnvironment;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The RA's card station: an agent started with --allow-personalization and a blank card (ADR 0004). */
class AgentPersonalizationTest {

    private static final String GUID = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
    private static final String PIN = "739215";
    private final AgentFixture station = AgentFixture.blankCardAtTheRaStation();

    AgentPersonalizationTest() throws Exception {
    }

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void aBlankCardIsPersonalizedOnceFromTheEnvelopeSealedToItsTransportKey() throws Exception {
        Map<String, String> params = sealedForThisCard();
        Http.Response r = station.post("personalize", null, params, station.ra.ticket(Operation.PERSONALIZE, GUID, params));
        assertEquals(200, r.status(), r.body());
        assertEquals(GUID, r.json().get("card"));
        assertEquals(GUID, station.get("/v1/card").json().get("guid"));
        assertEquals("EC", KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode((String) r.json().get("attestationKey")))).getAlgorithm(),
                "the attestation key F9 the RA certifies");
        Http.Response again = station.post("personalize", null, params, station.ra.ticket(Operation.PERSONALIZE, GUID, params));
        assertEquals("CARD_ALREADY_PERSONALIZED", again.error());
    }

    @Test
    void theAgentsTrafficCarriesNeitherPinNorPukNorManagementKeyYetTheCardHoldsThem() throws Exception {
        Map<String, String> params = sealedForThisCard();
        assertEquals(200, station.post("personalize", null, params,
                station.ra.ticket(Operation.PERSONALIZE, GUID, params)).status());
        station.guid = GUID;
        // The card got the sealed secrets: the server's management key authenticates, the PIN signs.
        station.generateKeys("9C", "EC_P256");
        station.pins.then(PIN);
        assertEquals(200, station.ticketed(Operation.SIGN_REQUEST, null, Map.of("slot", "9C")).status());

        List<String> forbidden = new ArrayList<>();
        forbidden.addAll(forms(PIN.getBytes(StandardCharsets.US_ASCII)));
        forbidden.addAll(forms(HexFormat.of().parseHex("373339323135FFFF")));
        forbidden.addAll(forms(station.ra.puk(GUID)));
        forbidden.addAll(forms(station.ra.managementKey(GUID)));
        for (String traffic : station.traffic) {
            for (String secret : forbidden) {
                assertFalse(traffic.contains(secret), "secret " + secret + " in: " + traffic);
            }
        }
        assertFalse(station.traffic.isEmpty());
    }

    @Test
    void anEnvelopeSealedForAnotherCardIsRefusedAndTheCardStaysBlank() throws Exception {
        Map<String, String> params = station.ra.sealedPersonalization(GUID, transportKeyOf(SimulatedEnvironment.blank()), PIN);
        Http.Response r = station.post("personalize", null, params, station.ra.ticket(Operation.PERSONALIZE, GUID, params));
        assertEquals("ENVELOPE_REFUSED", r.error(), r.body());
        assertEquals(false, station.get("/v1/card").json().get("personalized"));
    }

    @Test
    void aTicketForAnotherGuidDoesNotPersonalize() throws Exception {
        Map<String, String> params = sealedForThisCard();
        Http.Response r = station.post("personalize", null, params,
                station.ra.ticket(Operation.PERSONALIZE, "00".repeat(16), params));
        assertEquals("TICKET_WRONG_CARD", r.error());
        assertEquals(false, station.get("/v1/card").json().get("personalized"));
    }

    private Map<String, String> sealedForThisCard() throws Exception {
        return station.ra.sealedPersonalization(GUID, (String) station.get("/v1/card").json().get("transportKey"), PIN);
    }

    private static String transportKeyOf(SimulatedEnvironment other) throws Exception {
        javax.smartcardio.Card card = other.terminalFactory().terminals().getTerminal(SimulatedEnvironment.READER).connect("*");
        PivCard piv = new PivCard(card.getBasicChannel());
        piv.select();
        String key = Base64.getEncoder().encodeToString(piv.transportKey().getEncoded());
        card.disconnect(true);
        return key;
    }

    /** A secret as text, hex (both cases) and base64 (both alphabets, padded or not). */
    private static List<String> forms(byte[] secret) {
        return List.of(new String(secret, StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(secret),
                HexFormat.of().withUpperCase().formatHex(secret), Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
