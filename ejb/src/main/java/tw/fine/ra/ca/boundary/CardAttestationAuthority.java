package tw.fine.ra.ca.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import tw.fine.ra.ca.control.CaCredentials;

/**
 * The RA's card-attestation CA (ADR 0004): certifies a card's attestation key (F9) at
 * personalization, and hands out its own certificate, the trust anchor against which the server
 * checks that a subscriber's key was generated on the card. It knows nothing of the card registry:
 * the {@code card} capability decides which card gets a certificate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CardAttestationAuthority {

    @Inject
    CaCredentials keys;

    /** The card-attestation CA certificate; published at {@code /pki/card-attestation-ca.pem}. */
    @PermitAll
    public X509Certificate certificate() {
        return keys.cardAttestationCa().certificate();
    }

    /**
     * The F9 certificate for a card's attestation key: a CA certificate (pathLen 0, keyCertSign)
     * whose subject names the card GUID.
     *
     * @throws IllegalArgumentException if the key is not EC P-256 or the GUID not 16 bytes of hex
     */
    @RolesAllowed("CLERK")
    public X509Certificate certifyAttestationKey(PublicKey attestationKey, String cardGuid) {
        return keys.cardAttestationCa().certify(attestationKey, cardGuid);
    }
}
