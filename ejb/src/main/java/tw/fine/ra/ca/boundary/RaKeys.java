package tw.fine.ra.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.ca.entity.TicketSigningKey;

/**
 * The RA's card keys that live in the CA key store (PKCS#12 or an HSM, beside the CA keys): the
 * command-ticket key and the card master keys. The {@code card} capability reaches them only here,
 * so the key store stays inside the CA engine and the dependency runs one way (card → ca).
 * Handles only: on a token the keys cannot be read out, only used through the returned provider.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RaKeys {

    @Inject
    CaCredentials keys;

    public TicketSigningKey ticketKey() {
        return keys.ticketKey();
    }

    public CardMasterKey cardMasterKey(CardMasterKey.Purpose purpose) {
        return keys.cardMasterKey(purpose);
    }
}
