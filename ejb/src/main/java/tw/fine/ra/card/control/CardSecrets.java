package tw.fine.ra.card.control;

import java.util.HexFormat;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;

/**
 * A card's management key and PUK, derived by its GUID from the master keys in the CA key store
 * (on an HSM the derivation runs on the token). Derived values are for the moment they are needed:
 * callers never keep, store or log them.
 */
public final class CardSecrets {

    private final CardKeyDiversification managementKeys;
    private final CardKeyDiversification puks;

    public CardSecrets(CardMasterKey managementMaster, CardMasterKey pukMaster) {
        this.managementKeys = new CardKeyDiversification(managementMaster.key(), managementMaster.provider());
        this.puks = new CardKeyDiversification(pukMaster.key(), pukMaster.provider());
    }

    /** The card's AES-128 PIV management key (9B). */
    public byte[] managementKey(String guid) {
        return managementKeys.managementKey(HexFormat.of().parseHex(guid));
    }

    /** The card's PUK, 8 ASCII digits. */
    public byte[] puk(String guid) {
        return puks.puk(HexFormat.of().parseHex(guid));
    }
}
