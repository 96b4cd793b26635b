package tw.fine.ra.ca.entity;

import java.security.Provider;
import javax.crypto.SecretKey;

/**
 * A master key from which every card's secrets are derived by its GUID (ADR 0001): a handle to a
 * 256-bit HMAC-SHA256 key in the CA key store and the provider that computes MACs with it (null:
 * the JDK's default). On a token the key is sensitive and non-extractable, so the derivation runs
 * on the token. Never stored in the database, never logged.
 */
public record CardMasterKey(Purpose purpose, SecretKey key, Provider provider) {

    /** One master per kind of card secret, so either can be rotated or split off alone. */
    public enum Purpose {
        /** The card's PIV management key (9B). */
        MANAGEMENT_KEY("ra-card-management-master"),
        /** The card's PUK. */
        PUK("ra-card-puk-master");

        private final String alias;

        Purpose(String alias) {
            this.alias = alias;
        }

        /** Its alias in the CA key store. */
        public String alias() {
            return alias;
        }
    }

    @Override
    public String toString() {
        return "CardMasterKey[" + purpose + "]";
    }
}
