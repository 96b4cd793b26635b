package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Personalization at the RA's card station (function 4 of the back office). Off unless the agent
 * was started with {@code --allow-personalization}: subscribers' agents never pass card secrets.
 */
final class Personalizer {

    private final CardAccess cards;
    private final TicketGate gate;
    private final boolean enabled;

    Personalizer(CardAccess cards, TicketGate gate, boolean enabled) {
        this.cards = cards;
        this.gate = gate;
        this.enabled = enabled;
    }

    Map<String, Object> personalize(AgentRequest request) throws AgentException {
        if (!enabled) {
            throw new AgentException(ErrorCode.OPERATION_DISABLED, "personalization is off on this agent");
        }
        String guid = request.param("guid").toUpperCase(Locale.ROOT);
        Personalization data;
        try {
            data = new Personalization(HexFormat.of().parseHex(guid), request.param("pin").toCharArray(),
                    request.param("puk").getBytes(StandardCharsets.US_ASCII), ManagementKeyAlgorithm.AES_128,
                    HexFormat.of().parseHex(request.param("managementKey")), KeyOperations.algorithm(request.param("cardAuthenticationAlgorithm")));
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        try {
            PublicKey[] keys = cards.withCard(request.reader(), card -> {
                if (card.keyInfo().personalized()) {
                    throw new AgentException(ErrorCode.CARD_ALREADY_PERSONALIZED, "card is personalized");
                }
                gate.admit(Operation.PERSONALIZE, request, guid);
                return new PublicKey[] {card.personalize(data), card.publicKey(Slot.ATTESTATION)};
            });
            // The RA certifies the attestation key with its card-attestation CA and writes that certificate to F9.
            return Map.of("card", guid, "cardAuthenticationKey", Base64.getEncoder().encodeToString(keys[0].getEncoded()),
                    "attestationKey", Base64.getEncoder().encodeToString(keys[1].getEncoded()));
        } finally {
            Arrays.fill(data.pin(), '\0');
            Arrays.fill(data.managementKey(), (byte) 0);
        }
    }

}
