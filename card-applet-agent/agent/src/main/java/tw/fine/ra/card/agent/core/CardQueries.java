package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.ReaderInfo;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.KeyInfo;
import tw.fine.ra.card.protocol.piv.Slot;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only endpoints: agent status, readers, what is on a card. No ticket needed. */
final class CardQueries {

    private final CardAccess cards;
    private final AdminSessions sessions;
    private final Map<String, Object> identity;

    CardQueries(CardAccess cards, AdminSessions sessions, Map<String, Object> identity) {
        this.cards = cards;
        this.sessions = sessions;
        this.identity = identity;
    }

    /** Environment check (function 13): who the agent is, whether its signature holds, PC/SC state. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>(identity);
        status.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        status.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vendor"));
        Map<String, Object> pcsc = new LinkedHashMap<>();
        try {
            pcsc.put("readers", cards.readers().size());
            pcsc.put("available", true);
        } catch (AgentException e) {
            pcsc.put("available", false);
            pcsc.put("error", e.code().name());
        }
        status.put("pcsc", pcsc);
        return status;
    }

    List<Map<String, Object>> readers() throws AgentException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReaderInfo reader : cards.readers()) {
            list.add(Map.of("name", reader.name(), "cardPresent", reader.cardPresent()));
        }
        return list;
    }

    Map<String, Object> card(String reader) throws AgentException {
        if (sessions.busy()) {
            throw new AgentException(ErrorCode.CARD_BUSY, "card authentication in progress");
        }
        try {
            return cards.withCard(reader, card -> {
                KeyInfo info = card.keyInfo();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("present", true);
                result.put("appletVersion", info.appletVersion());
                result.put("personalized", info.personalized());
                if (info.personalized()) {
                    result.put("guid", CardFacts.guid(card));
                    result.put("pinTriesLeft", info.pinTriesLeft());
                } else {
                    // What the RA seals the personalization to (ADR 0004).
                    result.put("transportKey", Base64.getEncoder().encodeToString(card.transportKey().getEncoded()));
                }
                Map<String, Object> slots = new LinkedHashMap<>();
                for (Slot slot : Slot.values()) {
                    KeyAlgorithm key = info.keys().get(slot);
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("key", key == null ? null : key.name());
                    entry.put("certificate", card.readCertificate(slot).isPresent());
                    slots.put(slot.id(), entry);
                }
                result.put("slots", slots);
                return result;
            });
        } catch (AgentException e) {
            if (e.code() == ErrorCode.CARD_ABSENT) {
                return Map.of("present", false);
            }
            throw e;
        }
    }
}
