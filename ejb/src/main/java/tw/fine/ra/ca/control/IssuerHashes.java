package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The issuing CA's name and key hashes for each CertID hash algorithm (with its parameters, which a
 * response repeats), computed the first time an algorithm is seen, so that a request is recognized
 * as ours by comparing bytes. Each algorithm gets a small number that keys the response cache;
 * a client can vary the parameters endlessly, so only the first few variants are remembered.
 */
final class IssuerHashes {

    /** SHA-1 and SHA-256 with and without NULL parameters, and a few more. */
    static final int REMEMBERED = 8;

    /** @param index the algorithm's number, or -1 when it is not remembered (its responses are not cached) */
    record Match(int index) {

        boolean cacheable() {
            return index >= 0;
        }
    }

    private record Hashes(Match match, byte[] name, byte[] key) {
    }

    private final X509CertificateHolder issuer;
    private final DigestCalculatorProvider digests;
    private final Map<AlgorithmIdentifier, Hashes> known = new ConcurrentHashMap<>();

    IssuerHashes(X509CertificateHolder issuer, DigestCalculatorProvider digests) {
        this.issuer = issuer;
        this.digests = digests;
    }

    /** How the CertID names our CA, or null when it names another issuer or uses a hash we do not have. */
    Match match(CertificateID id) {
        Hashes hashes = hashes(id.toASN1Primitive().getHashAlgorithm());
        return hashes != null && MessageDigest.isEqual(hashes.name(), id.getIssuerNameHash())
                && MessageDigest.isEqual(hashes.key(), id.getIssuerKeyHash()) ? hashes.match() : null;
    }

    private Hashes hashes(AlgorithmIdentifier algorithm) {
        Hashes hashes = known.get(algorithm);
        if (hashes != null) {
            return hashes;
        }
        synchronized (known) {
            hashes = known.get(algorithm);
            if (hashes != null) {
                return hashes;
            }
            boolean remembered = known.size() < REMEMBERED;
            hashes = compute(algorithm, remembered ? known.size() : -1);
            if (hashes != null && remembered) {
                known.put(algorithm, hashes);
            }
            return hashes;
        }
    }

    private Hashes compute(AlgorithmIdentifier algorithm, int index) {
        try {
            CertificateID ours = new CertificateID(digests.get(algorithm), issuer, BigInteger.ONE);
            return new Hashes(new Match(index), ours.getIssuerNameHash(), ours.getIssuerKeyHash());
        } catch (OperatorCreationException | OCSPException | RuntimeException e) {
            // a hash algorithm we do not know cannot name our CA
            return null;
        }
    }
}
