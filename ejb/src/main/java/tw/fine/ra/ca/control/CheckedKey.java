package tw.fine.ra.ca.control;

import java.security.PublicKey;

/**
 * A public key that passed proof of possession and the key policy.
 *
 * @param fingerprint hex SHA-256 of the DER SubjectPublicKeyInfo: the database keeps it unique, so
 *                    no key is certified for two subscribers
 */
public record CheckedKey(PublicKey key, String fingerprint) {

    public boolean sameKeyAs(CheckedKey other) {
        return fingerprint.equals(other.fingerprint);
    }
}
