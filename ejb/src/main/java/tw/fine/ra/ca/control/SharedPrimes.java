package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.RSA_SHARED_PRIME;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.ModulusCounter;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * The screening a key cannot do alone: an RSA key of a pair must share no prime with any modulus
 * the CA certified before, nor with the pair's other key. Two cards with a poor random generator
 * give moduli that one GCD factors (Taiwan's citizen cards, Bernstein et al. 2013). The certified
 * moduli are kept in memory ({@link ModulusProduct}), loaded once and then extended by the moduli
 * any node certified since, found by their commit-ordered position (docs/adr/0008).
 */
@ApplicationScoped
public class SharedPrimes {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    private volatile ModulusProduct certified = ModulusProduct.EMPTY;

    /**
     * Refuses a pair with an RSA key that shares a prime with the other key or with a modulus
     * certified and committed so far; returns the position checked through, for {@link #number}.
     * Outside the caller's transaction, so what it adds to the moduli in memory is committed, never
     * a modulus of the caller's own that could still roll back.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long refuse(CheckedKey signing, CheckedKey encryption) throws RequestRejectedException {
        ModulusProduct known = catchUp();
        refuse(signing, encryption, known::sharesPrimeWith);
        return known.through();
    }

    /**
     * Gives the pair's RSA moduli their positions, holding the counter's lock until commit, and
     * checks them against the moduli committed after {@code checkedThrough} by requests running
     * at the same time (on any node): with the lock held, all of those are committed and visible,
     * and the counter says whether there are any.
     */
    public void number(long checkedThrough, CheckedKey signing, IssuedCertificate s, CheckedKey encryption,
            IssuedCertificate e) throws RequestRejectedException {
        if (signing.rsaModulus().isEmpty() && encryption.rsaModulus().isEmpty()) {
            return;
        }
        ModulusCounter counter = em.find(ModulusCounter.class, ModulusCounter.ID, LockModeType.PESSIMISTIC_WRITE);
        if (counter.last() > checkedThrough) {
            List<BigInteger> meanwhile = moduliAfter(checkedThrough);
            refuse(signing, encryption, n -> ModulusProduct.sharesPrime(n, meanwhile));
        }
        signing.rsaModulus().ifPresent(m -> s.withRsaModulus(m, counter.next()));
        encryption.rsaModulus().ifPresent(m -> e.withRsaModulus(m, counter.next()));
    }

    private static void refuse(CheckedKey signing, CheckedKey encryption, Predicate<BigInteger> certifiedSharePrime)
            throws RequestRejectedException {
        refuse(signing, encryption.rsaModulus(), certifiedSharePrime);
        refuse(encryption, signing.rsaModulus(), certifiedSharePrime);
    }

    private static void refuse(CheckedKey key, Optional<BigInteger> otherOfPair,
            Predicate<BigInteger> certifiedSharePrime) throws RequestRejectedException {
        if (!(key.key() instanceof RSAPublicKey rsa)) {
            return;
        }
        BigInteger n = rsa.getModulus();
        if (ModulusProduct.sharesPrime(n, otherOfPair.stream().toList()) || certifiedSharePrime.test(n)) {
            throw new RequestRejectedException(RSA_SHARED_PRIME,
                    "RSA modulus of " + n.bitLength() + " bits shares a prime with a modulus already certified");
        }
    }

    /** The moduli in memory, with those committed since the last look added (all of them at the first). */
    private synchronized ModulusProduct catchUp() {
        ModulusProduct known = certified;
        List<Object[]> rows = em.createNamedQuery(IssuedCertificate.RSA_MODULI_AFTER, Object[].class)
                .setParameter("position", known.through()).getResultList();
        if (!rows.isEmpty()) {
            List<BigInteger> moduli = new ArrayList<>(rows.size());
            rows.forEach(row -> moduli.add(new BigInteger((String) row[1], 16)));
            known = known.with(moduli, (Long) rows.get(rows.size() - 1)[0]);
            certified = known;
        }
        return known;
    }

    private List<BigInteger> moduliAfter(long position) {
        return em.createNamedQuery(IssuedCertificate.RSA_MODULI_AFTER, Object[].class)
                .setParameter("position", position).getResultStream()
                .map(row -> new BigInteger((String) row[1], 16)).toList();
    }
}
