package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.KEY_ALREADY_CERTIFIED;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RequestRejectedException;

/** Draws a pair's serials and signs its certificates; runs in the caller's transaction. */
@Dependent
public class PairSigner {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    private final SerialNumbers serials = new SerialNumbers();

    /**
     * A serial for each key, none already used by the issuer, after refusing a key already certified:
     * one query for both questions. The unique constraints stay the backstop against a request
     * running at the same time.
     */
    public List<BigInteger> serialsFor(CheckedKey... certifying) throws RequestRejectedException {
        List<String> fingerprints = new ArrayList<>();
        for (CheckedKey key : certifying) {
            fingerprints.add(key.fingerprint());
        }
        List<BigInteger> drawn = new ArrayList<>();
        for (int i = 0; i < certifying.length; i++) {
            drawn.add(serials.next());
        }
        Set<String> taken = taken(fingerprints, drawn);
        if (fingerprints.stream().anyMatch(taken::contains)) {
            throw new RequestRejectedException(KEY_ALREADY_CERTIFIED, "a key of this request is already certified");
        }
        for (int i = 0; i < drawn.size(); i++) {
            if (taken.contains(IssuedCertificate.hex(drawn.get(i)))) {
                drawn.set(i, serials.next(candidate -> !taken(List.of(), List.of(candidate)).isEmpty()));
            }
        }
        return drawn;
    }

    /** The certificate for one key of a pair, signed, not yet stored. */
    public IssuedCertificate sign(String requestId, SubjectName subject, CertificateUsage usage, CheckedKey key,
            BigInteger serial, Instant notBefore, Instant notAfter) {
        String issuerDn = keys.issuerDn();
        CertificateProfile profile = CertificateProfile.of(usage);
        X509Certificate certificate = keys.issuer().issue(subject, key.key(), profile, serial, notBefore, notAfter);
        try {
            return new IssuedCertificate(requestId, subject.subscriberId(), usage, issuerDn, serial,
                    certificate.getSubjectX500Principal().getName(), notBefore, notAfter, key.fingerprint(),
                    certificate.getEncoded(), notBefore);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> taken(List<String> fingerprints, List<BigInteger> serials) {
        // an empty IN list is not valid SQL everywhere: a fingerprint no key has stands in
        List<String> asked = fingerprints.isEmpty() ? List.of("-") : fingerprints;
        Set<String> taken = new HashSet<>();
        for (Object found : em.createNamedQuery(IssuedCertificate.TAKEN)
                .setParameter("fingerprints", asked).setParameter("issuer", keys.issuerDn())
                .setParameter("serials", serials.stream().map(IssuedCertificate::hex).toList()).getResultList()) {
            taken.add((String) found);
        }
        return taken;
    }
}
