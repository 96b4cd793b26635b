package tw.fine.ra.ca.control;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The RFC 6960 protocol for the issuing CA, without state of its own: signing with the delegated OCSP signer. It answers every
 * input with an OCSP response: a request it cannot parse gets {@code malformedRequest}, a failure of
 * ours {@code internalError}; the HTTP layer never sees an exception. Single requests without a nonce
 * (what browsers and most libraries send) are served from pre-signed responses.
 */
public final class OcspProtocol {

    /** Where the current status of a serial of the issuing CA comes from. */
    @FunctionalInterface
    public interface StatusSource {
        CertificateState stateOf(BigInteger serial);
    }

    private static final Logger LOG = Logger.getLogger(OcspProtocol.class.getName());

    private final X509CertificateHolder issuer;
    private final Supplier<OcspSigner> signers;
    private final StatusSource statuses;
    private final Clock clock;
    private final Duration validity;
    private final DigestCalculatorProvider digests;
    private final OcspResponseCache cache = new OcspResponseCache(200_000);
    private volatile SignerContext current;

    public OcspProtocol(IssuingCa ca, Supplier<OcspSigner> signers, StatusSource statuses, Clock clock,
            Duration validity) {
        this.issuer = Signing.holder(ca.certificate());
        this.signers = signers;
        this.statuses = statuses;
        this.clock = clock;
        this.validity = validity;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] respond(byte[] der) {
        OCSPReq request;
        try {
            request = new OCSPReq(der);
        } catch (IOException | RuntimeException e) {
            return status(OCSPResponseStatus.MALFORMED_REQUEST);
        }
        try {
            Req[] requests = request.getRequestList();
            if (requests.length == 0) {
                return status(OCSPResponseStatus.MALFORMED_REQUEST);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (requests.length == 1 && nonce == null) {
                return cachedOrSigned(requests[0].getCertID());
            }
            return sign(requests, nonce, clock.instant());
        } catch (RuntimeException | OCSPException | IOException e) {
            LOG.log(Level.WARNING, "OCSP responder failed", e);
            return status(OCSPResponseStatus.INTERNAL_ERROR);
        }
    }

    private byte[] cachedOrSigned(CertificateID id) throws OCSPException, IOException {
        Instant now = clock.instant();
        SignerContext signer = signer();
        CertificateState state = stateOf(id);
        OcspResponseCache.Key key = new OcspResponseCache.Key(ByteBuffer.wrap(id.toASN1Primitive().getEncoded()),
                state.version(), signer.serial());
        byte[] cached = cache.fresh(key, now);
        if (cached != null) {
            return cached;
        }
        byte[] response = build(signer, new CertificateID[] {id}, new CertificateState[] {state}, null, now);
        // served until half its validity is gone, so a client always gets a response good for a while
        cache.put(key, response, now.plus(validity.dividedBy(2)));
        return response;
    }

    private byte[] sign(Req[] requests, Extension nonce, Instant now) throws OCSPException, IOException {
        CertificateID[] ids = new CertificateID[requests.length];
        CertificateState[] states = new CertificateState[requests.length];
        for (int i = 0; i < requests.length; i++) {
            ids[i] = requests[i].getCertID();
            states[i] = stateOf(ids[i]);
        }
        return build(signer(), ids, states, nonce, now);
    }

    private byte[] build(SignerContext signer, CertificateID[] ids, CertificateState[] states, Extension nonce,
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
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private CertificateState stateOf(CertificateID id) {
        boolean ours;
        try {
            ours = id.matchesIssuer(issuer, digests);
        } catch (OCSPException e) {
            // a hash algorithm we do not know cannot name our CA
            ours = false;
        }
        return ours ? statuses.stateOf(id.getSerialNumber()) : CertificateState.unknown();
    }

    private static CertificateStatus toStatus(CertificateState state) {
        return switch (state.answer()) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(state.revokedAt()), state.reason().code());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private static byte[] status(int status) {
        try {
            return new OCSPResp(new OCSPResponse(new OCSPResponseStatus(status), null)).getEncoded();
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
