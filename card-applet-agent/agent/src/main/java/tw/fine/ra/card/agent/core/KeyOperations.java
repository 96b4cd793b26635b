package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
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

    Map<String, Object> generateKey(AgentRequest request) throws AgentException {
        Slot slot = keySlot(request.param("slot"));
        KeyAlgorithm algorithm = algorithm(request.param("algorithm"));
        AdminSessions.Active session = sessions.admit(Operation.GENERATE_KEY, request);
        PublicKey key = sessions.run(session, card -> card.generate(slot, algorithm));
        return Map.of("slot", slot.id(), "algorithm", algorithm.name(),
                "publicKey", Base64.getEncoder().encodeToString(key.getEncoded()));
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
