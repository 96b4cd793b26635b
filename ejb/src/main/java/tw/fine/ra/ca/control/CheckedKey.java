package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

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

    /** The modulus of an RSA key; empty for EC. */
    public Optional<BigInteger> rsaModulus() {
        return key instanceof RSAPublicKey rsa ? Optional.of(rsa.getModulus()) : Optional.empty();
    }
}
