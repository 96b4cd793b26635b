package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.pin.PinPrompt;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.KeyInfo;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** Key generation and certificate writing (administrative), and the card-proof signature. */
final class KeyOperations {

    private final CardAccess cards;
    private final AdminSessions sessions;
    private final TicketGate gate;
    private final PinSource pins;

    KeyOperations(OperationContext context) {
        this.cards = context.cards();
        this.sessions = context.sessions();
        this.gate = context.gate();
        this.pins = context.pins();
    }

    Map<String, Object> generateKey(AgentRequest request) throws AgentException {
        Slot slot = slot(request.param("slot"));
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

    /** Signs {@link CardProof#message} with 9A, 9C (PIN each time) or 9E (no PIN). */
    Map<String, Object> signChallenge(AgentRequest request) throws AgentException {
        Slot slot = slot(request.param("slot"));
        if (slot == Slot.KEY_MANAGEMENT) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "9D is for key management, not for proofs");
        }
        byte[] digest = CardProof.sha256(CardProof.message(request.origin() == null ? "" : request.origin(),
                request.param("nonce")));
        String[] guid = new String[1];
        KeyInfo info = cards.withCard(request.reader(), card -> {
            guid[0] = CardFacts.guid(card);
            gate.admit(Operation.SIGN_CHALLENGE, request, guid[0]);
            return card.keyInfo();
        });
        KeyAlgorithm algorithm = info.keys().get(slot);
        if (algorithm == null) {
            throw new AgentException(ErrorCode.KEY_NOT_FOUND, slot.id());
        }
        char[] pin = slot == Slot.CARD_AUTHENTICATION ? null
                : pins.currentPin(new PinPrompt(request.origin(), Operation.SIGN_CHALLENGE, info.pinTriesLeft(), request.locale()));
        try {
            byte[] signature = CardFacts.continueOnSameCard(cards, request.reader(), guid[0], card -> {
                if (pin != null) {
                    verify(card, pin);
                }
                return card.signSha256(slot, algorithm, digest);
            });
            return Map.of("slot", slot.id(), "algorithm", algorithm == KeyAlgorithm.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA",
                    "signature", Base64.getEncoder().encodeToString(signature));
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    static void verify(tw.fine.ra.card.protocol.piv.PivCard card, char[] pin) throws javax.smartcardio.CardException, AgentException {
        try {
            card.verifyPin(pin);
        } catch (CardStatusException e) {
            throw CardFacts.pinError(e);
        }
    }

    static Slot slot(String id) throws AgentException {
        try {
            return Slot.byId(id);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    static KeyAlgorithm algorithm(String name) throws AgentException {
        try {
            return KeyAlgorithm.byName(name);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "algorithm is RSA_2048 or EC_P256");
        }
    }
}
