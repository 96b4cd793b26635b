package tw.fine.ra.ca.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.stream.Stream;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * The screening a key cannot do alone: an RSA key of a pair must share no prime with any modulus
 * the CA certified before, nor with the pair's other key. Two cards with a poor random generator
 * give moduli that one GCD factors (Taiwan's citizen cards, Bernstein et al. 2013). One pass over
 * the stored moduli per RSA key; runs in the caller's transaction.
 */
@Dependent
public class SharedPrimes {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    private final KeyScreening screening = new KeyScreening();

    public void refuse(CheckedKey signing, CheckedKey encryption) throws RequestRejectedException {
        refuse(signing, encryption.rsaModulus());
        refuse(encryption, signing.rsaModulus());
    }

    private void refuse(CheckedKey key, Optional<BigInteger> otherOfPair) throws RequestRejectedException {
        if (!(key.key() instanceof RSAPublicKey rsa)) {
            return;
        }
        try (Stream<BigInteger> certified = Stream.concat(otherOfPair.stream(), em.createNamedQuery(
                IssuedCertificate.RSA_MODULI, String.class).getResultStream().map(hex -> new BigInteger(hex, 16)))) {
            screening.refuseSharedPrime(rsa, certified);
        }
    }
}
