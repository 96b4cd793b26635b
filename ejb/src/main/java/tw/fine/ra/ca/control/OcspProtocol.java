package tw.fine.ra.ca.control;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * The RFC 6960 protocol for the issuing CA, without state of its own but its response cache: signing
 * with the delegated OCSP signer. It answers every input with an OCSP response and never throws: a
 * request it cannot read, or one over the limits of {@link OcspRequests}, gets {@code malformedRequest};
 * a CertID of another issuer a constant, unsigned {@code unauthorized} (RFC 5019 2.2.3); a failure of
 * ours {@code internalError}. Each kind of refusal or failure is logged once, so a client repeating a
 * broken request cannot fill the log.
 *
 * <p>A single request for a known certificate (what browsers and most libraries send) is answered
 * from a response signed once and kept in memory, bounded by bytes, without reading the status: the
 * responder's owner calls {@link #invalidate} when a status changes. Signing beyond that (made-up
 * serials, nonces, several CertIDs, a cache miss) has a budget per second; past it a request with a
 * nonce gets the kept response without its nonce (RFC 5019 allows it), and one that needs a new
 * signature gets {@code tryLater}. Unknown serials are never kept, so made-up serials cannot crowd
 * out the responses of real certificates.
 */
public final class OcspProtocol {

    /** Where the current status of a serial of the issuing CA comes from. */
    @FunctionalInterface
    public interface StatusSource {
        CertificateState stateOf(BigInteger serial);
    }

    /** About 30,000 responses signed by an RSA-2048 responder. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(OcspProtocol.class.getName());
    private static final OcspAnswer MALFORMED = unsigned(OCSPResponseStatus.MALFORMED_REQUEST);
    private static final OcspAnswer UNAUTHORIZED = unsigned(OCSPResponseStatus.UNAUTHORIZED);
    private static final OcspAnswer INTERNAL_ERROR = unsigned(OCSPResponseStatus.INTERNAL_ERROR);
    private static final OcspAnswer TRY_LATER = unsigned(OCSPResponseStatus.TRY_LATER);

    private final Supplier<OcspSigner> signers;
    private final StatusSource statuses;
    private final Clock clock;
    private final Duration validity;
    private final DigestCalculatorProvider digests;
    private final IssuerHashes issuerHashes;
    private final OcspResponseCache cache;
    private final SigningBudget budget;
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();
    private volatile SignerContext current;

    /** @param signaturesPerSecond how many responses it may sign on demand each second */
    public OcspProtocol(IssuingCa ca, Supplier<OcspSigner> signers, StatusSource statuses, Clock clock,
            Duration validity, int signaturesPerSecond) {
        this(ca, signers, statuses, clock, validity, signaturesPerSecond, DEFAULT_CACHE_BYTES);
    }

    OcspProtocol(IssuingCa ca, Supplier<OcspSigner> signers, StatusSource statuses, Clock clock, Duration validity,
            int signaturesPerSecond, long cacheBytes) {
        this.signers = signers;
        this.statuses = statuses;
        this.clock = clock;
        this.validity = validity;
        this.cache = new OcspResponseCache(cacheBytes);
        this.budget = new SigningBudget(signaturesPerSecond);
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        this.issuerHashes = new IssuerHashes(Signing.holder(ca.certificate()), digests);
    }

    public OcspAnswer answer(byte[] der) {
        OcspRequests.Checked request;
        try {
            request = OcspRequests.read(der);
        } catch (OcspRequests.Malformed e) {
            logOnce(Level.INFO, "OCSP request refused as malformed: " + e.getMessage(), null);
            return MALFORMED;
        }
        try {
            CertificateID[] ids = request.ids();
            IssuerHashes.Match[] matches = new IssuerHashes.Match[ids.length];
            for (int i = 0; i < ids.length; i++) {
                matches[i] = issuerHashes.match(ids[i]);
                if (matches[i] == null) {
                    return UNAUTHORIZED;
                }
            }
            Instant now = clock.instant();
            if (ids.length > 1) {
                return budget.take(now) ? sign(ids, request.nonce(), now) : TRY_LATER;
            }
            if (request.nonce() != null && budget.take(now)) {
                return sign(ids, request.nonce(), now);
            }
            return kept(ids[0], matches[0], now);
        } catch (Exception e) {
            logOnce(Level.WARNING, "OCSP responder failed: " + e.getClass().getName(), e);
            return INTERNAL_ERROR;
        }
    }

    /** A status changed: its responses are not served again. */
    public void invalidate(BigInteger serial) {
        cache.invalidate(serial);
    }

    /** The bytes the response cache holds, for its tests. */
    long cachedBytes() {
        return cache.bytes();
    }

    /** The kept response of a known certificate, signed and kept if there is none; unknown serials are signed each time. */
    private OcspAnswer kept(CertificateID id, IssuerHashes.Match match, Instant now)
            throws OCSPException, IOException {
        SignerContext signer = signer();
        OcspResponseCache.Key key = new OcspResponseCache.Key(id.getSerialNumber(), match.index(), signer.serial());
        OcspAnswer cached = match.cacheable() ? cache.fresh(key, now) : null;
        if (cached != null) {
            return cached;
        }
        if (!budget.take(now)) {
            return TRY_LATER;
        }
        long generation = cache.generation();
        CertificateState state = statuses.stateOf(id.getSerialNumber());
        OcspAnswer response = build(signer, new CertificateID[] {id}, new CertificateState[] {state}, null, now);
        if (match.cacheable() && state.answer() != CertificateState.Answer.UNKNOWN) {
            cache.put(key, generation, response);
        }
        return response;
    }

    private OcspAnswer sign(CertificateID[] ids, Extension nonce, Instant now) throws OCSPException, IOException {
        CertificateState[] states = new CertificateState[ids.length];
        for (int i = 0; i < ids.length; i++) {
            states[i] = statuses.stateOf(ids[i].getSerialNumber());
        }
        return build(signer(), ids, states, nonce, now);
    }

    private OcspAnswer build(SignerContext signer, CertificateID[] ids, CertificateState[] states, Extension nonce,
            Instant now) throws OCSPException, IOException {
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(signer.responderId());
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(validity));
        for (int i = 0; i < ids.length; i++) {
            builder.addResponse(ids[i], toStatus(states[i]), thisUpdate, nextUpdate,
                    CrlBuilder.invalidityDate(states[i].invalidSince()));
        }
        if (nonce != null) {
            builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
        }
        BasicOCSPResp basic = builder.build(signer.signer().signing().contentSigner(),
                new X509CertificateHolder[] {signer.certificate()}, thisUpdate);
        byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        // served until half its validity is gone, so a client always gets a response good for a while
        return OcspAnswer.signed(der, thisUpdate.toInstant(), nextUpdate.toInstant(), now.plus(validity.dividedBy(2)));
    }

    private void logOnce(Level level, String kind, Throwable thrown) {
        if (loggedKinds.size() < 100 && loggedKinds.add(kind)) {
            LOG.log(level, kind + " (logged once per kind)", thrown);
        }
    }

    private static CertificateStatus toStatus(CertificateState state) {
        return switch (state.answer()) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(state.revokedAt()), state.reason().code());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private static OcspAnswer unsigned(int status) {
        try {
            return OcspAnswer.unsigned(new OCSPResp(new OCSPResponse(new OCSPResponseStatus(status), null)).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signer with what is derived from it, rebuilt only when the signer is renewed. */
    private SignerContext signer() throws OCSPException {
        OcspSigner signer = signers.get();
        SignerContext context = current;
        if (context == null || context.signer() != signer) {
            context = SignerContext.of(signer, digests);
            current = context;
        }
        return context;
    }

    private record SignerContext(OcspSigner signer, X509CertificateHolder certificate, RespID responderId) {

        static SignerContext of(OcspSigner signer, DigestCalculatorProvider digests) throws OCSPException {
            X509CertificateHolder holder = Signing.holder(signer.certificate());
            try {
                RespID id = new RespID(holder.getSubjectPublicKeyInfo(),
                        digests.get(RespID.HASH_SHA1));
                return new SignerContext(signer, holder, id);
            } catch (OperatorCreationException e) {
                throw new OCSPException("no SHA-1 for the responder id", e);
            }
        }

        BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }
}
