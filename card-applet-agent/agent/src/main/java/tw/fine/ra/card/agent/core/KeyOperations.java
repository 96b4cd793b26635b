package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key generation and certificate writing: administrative, inside a relayed card authentication. */
final class KeyOperations {

    private final CardAccess cards;
    private final AdminSessions sessions;
    private final TicketGate gate;

    KeyOperations(OperationContext context) {
        this.cards = context.cards();
        this.sessions = context.sessions();
        this.gate = context.gate();
    }

    /**
     * Generates the key and has the card attest it: {@code attestation} is signed by the card's F9
     * key, {@code attestationIssuer} is the F9 certificate the RA wrote (absent on an uncertified card).
     */
    Map<String, Object> generateKey(AgentRequest request) throws AgentException {
        Slot slot = keySlot(request.param("slot"));
        KeyAlgorithm algorithm = algorithm(request.param("algorithm"));
        AdminSessions.Active session = sessions.admit(Operation.GENERATE_KEY, request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("slot", slot.id());
        answer.put("algorithm", algorithm.name());
        sessions.run(session, card -> {
            answer.put("publicKey", base64(card.generate(slot, algorithm).getEncoded()));
            answer.put("attestation", base64(card.attest(slot)));
            card.readCertificate(Slot.ATTESTATION).ifPresent(issuer -> answer.put("attestationIssuer", base64(issuer)));
            return null;
        });
        return answer;
    }

    Map<String, Object> writeCertificate(AgentRequest request) throws AgentException {
        Slot slot = slot(request.param("slot"));
        byte[] der = AdminSessions.base64(request.param("certificate"));
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not an X.509 certificate");
        }
        AdminSessions.Active session = sessions.admit(Operation.WRITE_CERTIFICATE, request);
        sessions.run(session, card -> {
            card.writeCertificate(slot, der);
            return null;
        });
        return Map.of("slot", slot.id(), "written", true);
    }

    static void verify(tw.fine.ra.card.protocol.piv.PivCard card, char[] pin) throws javax.smartcardio.CardException, AgentException {
        try {
            card.verifyPin(pin);
        } catch (CardStatusException e) {
            throw CardFacts.pinError(e);
        }
    }

    /** Any slot with a certificate object, F9 included (the RA writes the attestation certificate). */
    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Slot slot(String id) throws AgentException {
        try {
            return Slot.byId(id);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    /** One of the four key slots a page may use; the attestation key F9 is the card's own. */
    static Slot keySlot(String id) throws AgentException {
        Slot slot = slot(id);
        if (slot == Slot.ATTESTATION) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "F9 is the card's attestation key");
        }
        return slot;
    }

    static KeyAlgorithm algorithm(String name) throws AgentException {
        try {
            return KeyAlgorithm.byName(name);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "algorithm is RSA_2048 or EC_P256");
        }
    }
}
