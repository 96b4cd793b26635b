package tw.fine.ra.card.boundary;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.KEY_NOT_ATTESTED;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import tw.fine.ra.ca.boundary.CardAttestationAuthority;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.x509.AttestationException;
import tw.fine.ra.card.protocol.x509.AttestationVerifier;

/**
 * Proof that a key was generated on a card (ADR 0004): the card's attestation of the key chains
 * through the card's F9 certificate to the RA's card-attestation CA, names the card and the slot,
 * and certifies exactly the key the certificate will carry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CardAttestations {

    @Inject
    CardAttestationAuthority authority;

    @Inject
    Clock clock;

    /**
     * @param slotId the PIV slot ({@code 9C}, {@code 9D}, …) the key was generated in
     * @param key    the public key of the certification request, never the attestation's own
     */
    public void verify(String cardGuid, String slotId, byte[] attestation, byte[] attestationIssuer, PublicKey key)
            throws CardRefusedException {
        try {
            new AttestationVerifier(authority.certificate(), clock).verify(attestation, attestationIssuer, key,
                    Slot.byId(slotId), cardGuid);
        } catch (AttestationException e) {
            throw new CardRefusedException(KEY_NOT_ATTESTED, "card " + cardGuid + " slot " + slotId + ": "
                    + e.reason() + " " + e.getMessage());
        }
    }
}
