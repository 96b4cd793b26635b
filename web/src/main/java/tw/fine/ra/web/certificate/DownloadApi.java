package tw.fine.ra.web.certificate;

import static tw.fine.ra.web.api.JsonValues.base64;
import static tw.fine.ra.web.api.JsonValues.bytes;
import static tw.fine.ra.web.api.JsonValues.required;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.boundary.CertificateDownloads;
import tw.fine.ra.certificate.entity.DownloadRefusedException;

/**
 * The certificate download page's script calls these between the agent's steps (see
 * {@code resources/js/download.js}). Binary values travel base64; the page's origin (checked by
 * {@code SameOriginOnly}) binds the nonce and every ticket.
 */
@Path("download")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DownloadApi {

    public record StartBody(String card, List<Long> certificates) {
    }

    public record ChallengeBody(String card, String witness) {
    }

    public record ChallengeAnswer(String challengeId, String witness, String challenge) {
    }

    /** The card's signature (base64) over the nonce with the key of one certificate's slot. */
    public record SignatureBody(long certificate, String signature) {
    }

    /** The card's management-key answer and its proof per certificate. */
    public record ProofBody(String challengeId, String response, String nonce, List<SignatureBody> signatures) {
    }

    public record WrittenBody(long certificate, String nonce, String signature) {
    }

    public record Certificate(long number, String serial, String usage, String status) {
    }

    @Inject
    CertificateDownloads downloads;

    @Context
    HttpServletRequest request;

    @POST
    @Path("start")
    public CertificateDownloads.Started start(StartBody body) throws DownloadRefusedException, CardRefusedException {
        return downloads.start(required(body).card(), body.certificates(), origin(), client());
    }

    @POST
    @Path("challenge")
    public ChallengeAnswer challenge(ChallengeBody body) throws DownloadRefusedException, CardRefusedException {
        AdminChallenge answer = downloads.challenge(required(body).card(), bytes(body.witness()), client());
        return new ChallengeAnswer(answer.id(), base64(answer.witness()), base64(answer.challenge()));
    }

    @POST
    @Path("proof")
    public List<CertificateDownloads.Write> proof(ProofBody body) throws DownloadRefusedException, CardRefusedException {
        Map<Long, byte[]> signatures = new LinkedHashMap<>();
        if (required(body).signatures() != null) {
            body.signatures().forEach(s -> signatures.put(s.certificate(), bytes(s.signature())));
        }
        return downloads.cardProved(body.challengeId(), bytes(body.response()), body.nonce(), signatures, origin(),
                client());
    }

    @POST
    @Path("written")
    public Certificate written(WrittenBody body) throws DownloadRefusedException {
        CertificateView c = downloads.written(required(body).certificate(), body.nonce(), bytes(body.signature()),
                client());
        return new Certificate(c.certificateNumber(), c.serial().toString(16), c.usage().name(), c.status().name());
    }

    private String origin() {
        return request.getHeader("Origin");
    }

    private String client() {
        return request.getRemoteAddr();
    }
}
