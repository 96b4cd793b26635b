package tw.fine.ra.card.agent.core;

import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.pin.PinPrompt;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.protocol.piv.CardStatusException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.KeyInfo;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.x509.CertificationRequests;

import javax.smartcardio.CardException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * What the card signs for a page: the card proof ({@code sign-challenge}) and the certification
 * request ({@code sign-request}). The agent always builds what is signed, from the origin, the
 * server's nonce or the card's own public key, so a page can never have the card sign a hash of
 * its choice.
 */
final class CardSignatures {

    /** The card-side half of one signature, run after the PIN was verified on the same card. */
    @FunctionalInterface
    private interface Signing<T> {
        T sign(PivCard card, KeyAlgorithm algorithm) throws CardException, CardStatusException, AgentException;
    }

    private final CardAccess cards;
    private final TicketGate gate;
    private final PinSource pins;

    CardSignatures(OperationContext context) {
        this.cards = context.cards();
        this.gate = context.gate();
        this.pins = context.pins();
    }

    /**
     * Signs {@link CardProof#message} with 9A, 9C (PIN each time), 9D (PIN) or 9E (no PIN). The
     * key-management key 9D signs only this derived proof and its own certification request (as the
     * applet's raw RSA allows): certificate download must show that the card holds the key of an
     * encryption certificate before writing it, and a fresh signature over the server's nonce is the
     * one check of that which the page and the agent cannot replay.
     */
    Map<String, Object> signChallenge(AgentRequest request) throws AgentException {
        Slot slot = KeyOperations.keySlot(request.param("slot"));
        byte[] digest = CardProof.sha256(CardProof.message(request.origin() == null ? "" : request.origin(),
                request.param("nonce")));
        return signWith(request, Operation.SIGN_CHALLENGE, slot, (card, algorithm) -> Map.of("slot", slot.id(),
                "algorithm", signatureAlgorithm(algorithm),
                "signature", Base64.getEncoder().encodeToString(card.signSha256(slot, algorithm, digest))));
    }

    /**
     * A PKCS#10 request for the key in the slot, subject {@code CN=<card GUID>}: the public key is
     * read from the card, never taken from the request, and the card signs the request's digest.
     */
    Map<String, Object> signRequest(AgentRequest request) throws AgentException {
        Slot slot = KeyOperations.keySlot(request.param("slot"));
        return signWith(request, Operation.SIGN_REQUEST, slot, (card, algorithm) -> {
            PublicKey key = card.publicKey(slot);
            byte[] info = CertificationRequests.info(key, CardFacts.guid(card));
            byte[] signature = card.signSha256(slot, algorithm, CardProof.sha256(info));
            return Map.of("slot", slot.id(), "algorithm", signatureAlgorithm(algorithm),
                    "request", Base64.getEncoder().encodeToString(CertificationRequests.assemble(key, info, signature)));
        });
    }

    /** Ticket on the card's GUID, the holder's PIN (except 9E), then VERIFY and sign on that same card. */
    private <T> T signWith(AgentRequest request, Operation operation, Slot slot, Signing<T> signing) throws AgentException {
        String[] guid = new String[1];
        KeyInfo info = cards.withCard(request.reader(), card -> {
            guid[0] = CardFacts.guid(card);
            gate.admit(operation, request, guid[0]);
            return card.keyInfo();
        });
        KeyAlgorithm algorithm = info.keys().get(slot);
        if (algorithm == null) {
            throw new AgentException(ErrorCode.KEY_NOT_FOUND, slot.id());
        }
        char[] pin = slot == Slot.CARD_AUTHENTICATION ? null
                : pins.currentPin(new PinPrompt(request.origin(), operation, info.pinTriesLeft(), request.locale()));
        try {
            return CardFacts.continueOnSameCard(cards, request.reader(), guid[0], card -> {
                if (pin != null) {
                    KeyOperations.verify(card, pin);
                }
                return signing.sign(card, algorithm);
            });
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private static String signatureAlgorithm(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
