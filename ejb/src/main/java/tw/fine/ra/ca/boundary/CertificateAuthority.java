package tw.fine.ra.ca.boundary;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.REQUEST_ID_REUSED;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.CertificateProfile;
import tw.fine.ra.ca.control.CheckedKey;
import tw.fine.ra.ca.control.PairSigner;
import tw.fine.ra.ca.control.RequestCheck;
import tw.fine.ra.ca.control.SharedPrimes;
import tw.fine.ra.ca.control.SubjectName;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CertificateStatus.Transition;
import tw.fine.ra.ca.entity.CertificateStatusChanged;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.ca.entity.IssuanceRequest;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * The CA façade the RA calls: issue a pair, move certificates through their lifecycle, look them
 * up. Only JDK types and the CA's own value types cross it, so it could become a remote service.
 * Each method is one transaction.
 */
@Stateless
public class CertificateAuthority {

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CaCredentials keys;

    @Inject
    PairSigner signer;

    @Inject
    SharedPrimes sharedPrimes;

    @Inject
    Clock clock;

    @Inject
    Event<CertificateStatusChanged> statusChanged;

    @Inject
    AuditTrail audit;

    /** The CA acts on the RA's behalf; the RA audits who asked, the CA what it signed or changed. */
    private static final Actor CA = Actor.system("ca");
    private static final Map<Transition, AuditEvent> EVENTS = Map.of(
            Transition.PUT_ON_CARD, AuditEvent.CERTIFICATE_ON_CARD,
            Transition.HOLD, AuditEvent.CERTIFICATE_HELD,
            Transition.RELEASE, AuditEvent.CERTIFICATE_RELEASED,
            Transition.REVOKE, AuditEvent.CERTIFICATE_REVOKED,
            Transition.REVOKE_FOR_KEY_COMPROMISE, AuditEvent.CERTIFICATE_REVOKED);

    private final RequestCheck check = new RequestCheck();

    /**
     * Issues a signing and an encryption certificate from two PKCS#10 requests. The subject comes
     * from the subscriber id and organization, never from the requests, and the CA checks them
     * itself; each key is screened, RSA moduli against every one certified (docs/adr/0008). The
     * request is stored before signing and the certificates after it in the same transaction; a
     * repeated request id returns the pair issued the first time.
     */
    public IssuedPair issuePair(PairRequest request) throws RequestRejectedException {
        IssuanceRequest earlier = em.find(IssuanceRequest.class, request.requestId());
        if (earlier != null) {
            return repeat(earlier, request);
        }
        SubjectName subject;
        CheckedKey signing;
        CheckedKey encryption;
        List<BigInteger> serials;
        long checkedThrough;
        try {
            subject = SubjectName.registered(request.subscriberId(), request.organizationUbn());
            signing = check.check(request.signingRequest());
            encryption = check.check(request.encryptionRequest());
            CertificateProfile.SIGNING.checkKey(signing.key());
            CertificateProfile.ENCRYPTION.checkKey(encryption.key());
            check.checkPair(signing, encryption);
            serials = signer.serialsFor(signing, encryption);
            checkedThrough = sharedPrimes.refuse(signing, encryption);
        } catch (RequestRejectedException e) {
            throw rejected(request, e);
        }
        em.persist(new IssuanceRequest(request.requestId(), request.subscriberId(), request.signingRequest(),
                request.encryptionRequest(), clock.instant()));
        // a concurrent call with the same id fails here, before anything is signed
        em.flush();
        Instant now = now();
        Instant notAfter = keys.issuer().notAfter(now);
        IssuedCertificate s = signer.sign(request.requestId(), subject, CertificateUsage.SIGNING, signing,
                serials.get(0), now, notAfter);
        IssuedCertificate e = signer.sign(request.requestId(), subject, CertificateUsage.ENCRYPTION, encryption,
                serials.get(1), now, notAfter);
        try {
            sharedPrimes.number(checkedThrough, signing, s, encryption, e);
        } catch (RequestRejectedException late) {
            throw rejected(request, late);
        }
        em.persist(s);
        em.persist(e);
        audit.success(CA, AuditEvent.CERTIFICATE_PAIR_ISSUED, request.subscriberId(), "request " + request.requestId()
                + ": signing #" + s.id() + " serial " + IssuedCertificate.hex(s.serial()) + ", encryption #" + e.id()
                + " serial " + IssuedCertificate.hex(e.serial()));
        return new IssuedPair(CertificateView.of(s), CertificateView.of(e));
    }

    /** The subject DN a pair for this subscriber will carry (shown before the subscriber applies). */
    public String subjectDn(String subscriberId, String organizationUbn) {
        return new SubjectName(subscriberId, organizationUbn).toDn(keys.settings());
    }

    /**
     * The public key of a PKCS#10 request after its signature (proof of possession) and the key
     * policy are checked, so the RA can compare it with a key the card attested.
     */
    public PublicKey requestedKey(byte[] pkcs10) throws RequestRejectedException {
        return check.check(pkcs10).key();
    }

    /** The agent wrote the certificate to the card. */
    public CertificateView markOnCard(long number) throws UnknownCertificateException, IllegalStatusTransitionException {
        return move(number, Transition.PUT_ON_CARD, null, now(), null);
    }

    /** Suspends at once (certificateHold); relying parties see it as revoked until released. */
    public CertificateView hold(long number) throws UnknownCertificateException, IllegalStatusTransitionException {
        return move(number, Transition.HOLD, RevocationReason.CERTIFICATE_HOLD, now(), null);
    }

    public CertificateView release(long number) throws UnknownCertificateException, IllegalStatusTransitionException {
        return move(number, Transition.RELEASE, null, now(), null);
    }

    /**
     * Revokes for good; a key compromise even after expiry. The revocation date on the CRL and in
     * OCSP is now, when the CA records it (RFC 5280 5.3.2); {@code at}, if in the past (the date a
     * key was lost), becomes the invalidity date. See docs/adr/0005.
     */
    public CertificateView revoke(long number, RevocationReason reason, Instant at)
            throws UnknownCertificateException, IllegalStatusTransitionException {
        if (!reason.isPermanent()) {
            throw new IllegalArgumentException("a hold is not a revocation; use hold()");
        }
        Instant now = now();
        Instant invalidSince = at == null || !at.isBefore(now) ? null : at.truncatedTo(ChronoUnit.SECONDS);
        return move(number, Transition.revoking(reason), reason, now, invalidSince);
    }

    /** The old pair after a renewal reached the card. */
    public CertificateView supersede(long number) throws UnknownCertificateException, IllegalStatusTransitionException {
        return revoke(number, RevocationReason.SUPERSEDED, null);
    }

    /** A subscriber's certificate by its number; the CA's own OCSP signers are not found here. */
    public Optional<CertificateView> find(long number) {
        return subscribers(number).map(CertificateView::of);
    }

    public List<CertificateView> ofSubscriber(String subscriberId) {
        return em.createNamedQuery(IssuedCertificate.OF_SUBSCRIBER, IssuedCertificate.class)
                .setParameter("subscriber", subscriberId).getResultStream().map(CertificateView::of).toList();
    }

    /** Marks certificates past notAfter as expired, held ones as expired on hold; returns how many. */
    public int expireDue() {
        int expired = expire(Transition.EXPIRE) + expire(Transition.EXPIRE_ON_HOLD);
        if (expired > 0) {
            audit.success(CA, AuditEvent.CERTIFICATES_EXPIRED, "-", expired + " certificates past notAfter");
        }
        return expired;
    }

    private int expire(Transition step) {
        List<IssuedCertificate> due = em.createNamedQuery(IssuedCertificate.DUE_TO_EXPIRE, IssuedCertificate.class)
                .setParameter("now", clock.instant())
                .setParameter("statuses", step.from())
                .getResultList();
        due.forEach(c -> c.take(step, clock.instant(), null));
        return due.size();
    }

    /** The CA certificates, issuing CA first, DER. */
    public List<byte[]> caChain() {
        return keys.ca().chain().stream().map(c -> {
            try {
                return c.getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private IssuedPair repeat(IssuanceRequest earlier, PairRequest request) throws RequestRejectedException {
        if (!earlier.isRepeatOf(request.subscriberId(), request.signingRequest(), request.encryptionRequest())) {
            throw new RequestRejectedException(REQUEST_ID_REUSED, request.requestId());
        }
        List<IssuedCertificate> pair = em.createNamedQuery(IssuedCertificate.OF_REQUEST, IssuedCertificate.class)
                .setParameter("request", request.requestId()).getResultList();
        CertificateView s = pair.stream().filter(c -> c.usage() == CertificateUsage.SIGNING).findFirst()
                .map(CertificateView::of).orElseThrow();
        CertificateView e = pair.stream().filter(c -> c.usage() == CertificateUsage.ENCRYPTION).findFirst()
                .map(CertificateView::of).orElseThrow();
        return new IssuedPair(s, e);
    }

    /** Audits a refusal in a transaction of its own (this one rolls back) and hands it on. */
    private RequestRejectedException rejected(PairRequest request, RequestRejectedException e) {
        audit.failure(CA, AuditEvent.CERTIFICATE_REQUEST_REJECTED, request.subscriberId(),
                "request " + request.requestId() + ": " + e.getMessage());
        return e;
    }

    private Optional<IssuedCertificate> subscribers(long number) {
        return Optional.ofNullable(em.find(IssuedCertificate.class, number))
                .filter(c -> c.usage() != CertificateUsage.OCSP_SIGNING);
    }

    /** Whole seconds, as certificates and CRLs encode times: the database says what they say. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private CertificateView move(long number, Transition step, RevocationReason reason, Instant at,
            Instant invalidSince) throws UnknownCertificateException, IllegalStatusTransitionException {
        IssuedCertificate certificate = subscribers(number)
                .orElseThrow(() -> new UnknownCertificateException(String.valueOf(number)));
        CertificateStatus before = certificate.status();
        if (!certificate.take(step, at, reason, invalidSince)) {
            throw new IllegalStatusTransitionException(String.valueOf(number), before, step.to());
        }
        audit.success(CA, EVENTS.get(step), certificate.subscriberId(), "certificate #" + number + " serial "
                + IssuedCertificate.hex(certificate.serial()) + (reason == null ? "" : ", " + reason)
                + (invalidSince == null ? "" : ", invalid since " + invalidSince));
        // relying parties see every change that involves a revoked or held state, including hold -> revoked
        if (before.isRevokedForRelyingParties() || step.to().isRevokedForRelyingParties()) {
            statusChanged.fire(new CertificateStatusChanged(number, certificate.serial()));
        }
        return CertificateView.of(certificate);
    }
}
