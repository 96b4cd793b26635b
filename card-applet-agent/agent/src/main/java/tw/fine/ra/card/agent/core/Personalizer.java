package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Personalization at the RA's card station (function 4 of the back office). Off unless the agent
 * was started with {@code --allow-personalization}. The agent relays an envelope the RA sealed to
 * the blank card's transport key (ADR 0004): PIN, PUK and management key never pass it in clear.
 */
final class Personalizer {

    /** The envelope is not for this card's transport key, or was changed on the way. */
    private static final int SW_NOT_OPENED = 0x6982;
    /** The card stopped opening envelopes after too many that failed. */
    private static final int SW_TOO_MANY_FAILURES = 0x6983;

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
        byte[] envelope = AdminSessions.base64(request.param("envelope"));
        KeyAlgorithm cardAuthentication = KeyOperations.algorithm(request.param("cardAuthenticationAlgorithm"));
        return cards.withCard(request.reader(), card -> {
            if (card.keyInfo().personalized()) {
                throw new AgentException(ErrorCode.CARD_ALREADY_PERSONALIZED, "card is personalized");
            }
            gate.admit(Operation.PERSONALIZE, request, guid);
            Map<String, Object> answer = new LinkedHashMap<>();
            try {
                answer.put("cardAuthenticationKey", base64(card.personalizeSealed(envelope, cardAuthentication).getEncoded()));
            } catch (CardStatusException e) {
                if (e.statusWord() == SW_NOT_OPENED || e.statusWord() == SW_TOO_MANY_FAILURES) {
                    throw new AgentException(ErrorCode.ENVELOPE_REFUSED, e.getMessage(),
                            Map.of("statusWord", String.format("%04X", e.statusWord())), e);
                }
                throw e;
            }
            // The GUID inside the envelope is the one that counts; the RA compares it with the one it ticketed.
            answer.put("card", CardFacts.guid(card));
            // The RA certifies the attestation key with its card-attestation CA and writes that certificate to F9.
            answer.put("attestationKey", base64(card.publicKey(Slot.ATTESTATION).getEncoded()));
            return answer;
        });
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
