package tw.fine.ra.it.card;

import java.security.MessageDigest;
import java.security.PublicKey;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.x509.CertificationRequests;
import tw.fine.ra.certificate.boundary.Applications.CardRequest;
import tw.fine.ra.certificate.control.CardProofCheck;

/** What the agent does on the card for the certificate tests, the test playing the agent. */
final class OnCard {

    private OnCard() {
    }

    /** For one slot: generate on the card, read the attestation, have the card sign the request. */
    static CardRequest cardRequest(PivCard card, RaCounter.CounterCard issued, Slot slot, KeyAlgorithm algorithm)
            throws Exception {
        PublicKey key = card.generate(slot, algorithm);
        byte[] attestation = card.attest(slot);
        byte[] f9 = card.readCertificate(Slot.ATTESTATION).orElseThrow();
        byte[] info = CertificationRequests.info(key, issued.guid());
        card.verifyPin(issued.pin().toCharArray());
        byte[] signature = card.signSha256(slot, algorithm, sha256(info));
        return new CardRequest(CertificationRequests.assemble(key, info, signature), attestation, f9);
    }

    /** The agent's {@code sign-challenge}: the card's proof over the server's nonce for the page's origin. */
    static byte[] proof(PivCard card, String pin, Slot slot, String origin, String nonce) throws Exception {
        card.verifyPin(pin.toCharArray());
        return card.signSha256(slot, card.keyInfo().keys().get(slot), sha256(CardProofCheck.message(origin, nonce)));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
