package tw.fine.ra.card.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RA's card station: an agent started with --allow-personalization and a blank card. */
class AgentPersonalizationTest {

    private static final String GUID = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
    private final AgentFixture station = AgentFixture.blankCardAtTheRaStation();

    AgentPersonalizationTest() throws Exception {
    }

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void aBlankCardIsPersonalizedOnceWithTheTicketsGuid() throws Exception {
        Map<String, String> params = personalization();
        Http.Response r = station.post("personalize", null, params, station.ra.ticket(Operation.PERSONALIZE, GUID, params));
        assertEquals(200, r.status(), r.body());
        assertEquals(GUID, station.get("/v1/card").json().get("guid"));
        assertEquals("EC", KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode((String) r.json().get("attestationKey")))).getAlgorithm(),
                "the attestation key F9 the RA certifies");
        Http.Response again = station.post("personalize", null, params, station.ra.ticket(Operation.PERSONALIZE, GUID, params));
        assertEquals("CARD_ALREADY_PERSONALIZED", again.error());
    }

    @Test
    void aTicketForAnotherGuidDoesNotPersonalize() throws Exception {
        Map<String, String> params = personalization();
        Http.Response r = station.post("personalize", null, params,
                station.ra.ticket(Operation.PERSONALIZE, "00".repeat(16), params));
        assertEquals("TICKET_WRONG_CARD", r.error());
        assertEquals(false, station.get("/v1/card").json().get("personalized"));
    }

    private Map<String, String> personalization() {
        return Map.of("guid", GUID, "pin", "123456", "puk", "12345678",
                "managementKey", HexFormat.of().formatHex(station.ra.managementKey(GUID)), "cardAuthenticationAlgorithm", "EC_P256");
    }
}
