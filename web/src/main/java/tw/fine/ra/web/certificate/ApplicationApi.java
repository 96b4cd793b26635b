package tw.fine.ra.web.certificate;

import static tw.fine.ra.web.api.JsonValues.base64;
import static tw.fine.ra.web.api.JsonValues.bytes;
import static tw.fine.ra.web.api.JsonValues.required;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.boundary.Applications;
import tw.fine.ra.certificate.boundary.Applications.AgentStep;
import tw.fine.ra.certificate.boundary.Applications.CardRequest;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;

/**
 * The certificate application page's script calls these between the agent's steps (see
 * {@code resources/js/application.js}). Binary values travel base64; the page's origin (checked by
 * {@code SameOriginOnly}) binds every ticket.
 */
@Path("application")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationApi {

    public record StartBody(String card, boolean termsAccepted) {
    }

    public record ChallengeBody(String witness) {
    }

    public record ChallengeAnswer(String challengeId, String witness, String challenge) {
    }

    public record ProofBody(String challengeId, String response) {
    }

    public record CardRequestBody(String request, String attestation, String attestationIssuer) {
    }

    public record RequestsBody(CardRequestBody signing, CardRequestBody encryption) {
    }

    public record Certificate(long number, String serial, String usage) {
    }

    public record IssuedAnswer(Certificate signing, Certificate encryption, AgentStep next) {
    }

    public record WrittenBody(String slot) {
    }

    private static final Set<String> CERTIFICATE_SLOTS = Set.of("9C", "9D");

    @Inject
    Applications applications;

    @Context
    HttpServletRequest request;

    @POST
    @Path("start")
    public Applications.Started start(StartBody body) throws ApplicationRefusedException, CardRefusedException {
        return applications.start(required(body).card(), body.termsAccepted(), origin(), client());
    }

    @POST
    @Path("{id}/challenge")
    public ChallengeAnswer challenge(@PathParam("id") String id, ChallengeBody body)
            throws ApplicationRefusedException, CardRefusedException {
        AdminChallenge answer = applications.challenge(id, bytes(required(body).witness()), client());
        return new ChallengeAnswer(answer.id(), base64(answer.witness()), base64(answer.challenge()));
    }

    @POST
    @Path("{id}/proof")
    public List<AgentStep> proof(@PathParam("id") String id, ProofBody body)
            throws ApplicationRefusedException, CardRefusedException {
        return applications.cardProved(id, required(body).challengeId(), bytes(body.response()), origin(), client());
    }

    @POST
    @Path("{id}/requests")
    public IssuedAnswer requests(@PathParam("id") String id, RequestsBody body)
            throws ApplicationRefusedException, CardRefusedException {
        Applications.Issued issued = applications.requestsSigned(id, cardRequest(required(body).signing()),
                cardRequest(body.encryption()), origin(), client());
        return new IssuedAnswer(certificate(issued.signing()), certificate(issued.encryption()),
                issued.adminAuthenticate());
    }

    @POST
    @Path("{id}/written")
    public Certificate written(@PathParam("id") String id, WrittenBody body) throws ApplicationRefusedException {
        if (!CERTIFICATE_SLOTS.contains(required(body).slot())) {
            throw new BadRequestException("slot must be 9C or 9D");
        }
        return certificate(applications.written(id, body.slot(), client()));
    }

    private static Certificate certificate(CertificateView view) {
        return new Certificate(view.certificateNumber(), view.serial().toString(16), view.usage().name());
    }

    private static CardRequest cardRequest(CardRequestBody body) {
        return new CardRequest(bytes(required(body).request()), bytes(body.attestation()),
                bytes(body.attestationIssuer()));
    }

    private String origin() {
        return request.getHeader("Origin");
    }

    private String client() {
        return request.getRemoteAddr();
    }
}
