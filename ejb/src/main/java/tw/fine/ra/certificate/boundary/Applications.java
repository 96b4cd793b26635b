package tw.fine.ra.certificate.boundary;

import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.OUT_OF_ORDER;
import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.PAIR_EXISTS;
import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.TERMS_NOT_ACCEPTED;
import static tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason.UNKNOWN_APPLICATION;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.IssuedPair;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.boundary.UnknownCertificateException;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.card.boundary.CardAttestations;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;
import tw.fine.ra.certificate.entity.ApplicationStep;
import tw.fine.ra.certificate.entity.CertificateApplication;
import tw.fine.ra.certificate.entity.PairState;
import tw.fine.ra.registration.boundary.SubscriberMailers;

/**
 * Certificate application (憑證申請, SPEC function 2), the server's side of the page's steps with
 * the agent: start (terms accepted, the subscriber's card) → the card proves its management key →
 * tickets to generate both keys on the card and have the card sign both requests → the requests are
 * checked against the card's attestations and the CA issues the pair (persisted and audited before
 * anything is written) → the card proves its key again → tickets to write both certificates → each
 * certificate marked on the card. Every ticket is for the step the application is at; a reload or
 * a second tab joins the subscriber's one open application; a step out of order is refused.
 */
@Stateless
@RolesAllowed("SUBSCRIBER")
public class Applications {

    /** One agent operation the page may run next: the exact parameters the ticket covers, and the ticket. */
    public record AgentStep(String operation, Map<String, String> params, String ticket) implements java.io.Serializable {
    }

    /** The first step's answer: the application and the step that opens a management-key session. */
    public record Started(String applicationId, String cardGuid, AgentStep adminAuthenticate) {
    }

    /** A key the card generated and the request it signed for it: all three as the agent returned them. */
    public record CardRequest(byte[] request, byte[] attestation, byte[] attestationIssuer) {
    }

    /** The issued pair and the ticket to open the management-key session in which it is written. */
    public record Issued(CertificateView signing, CertificateView encryption, AgentStep adminAuthenticate) {
    }

    static final String MANAGEMENT_KEY_ALGORITHM = "AES_128";
    static final String SIGNING_ALGORITHM = "EC_P256";
    static final String ENCRYPTION_ALGORITHM = "RSA_2048";
    /** PIV slots: digital signature (9C) and key management (9D). */
    static final String SIGNING_SLOT = "9C";
    static final String ENCRYPTION_SLOT = "9D";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    CardTickets tickets;

    @Inject
    CardAuthentications authentications;

    @Inject
    SubscriberMailers subscribers;

    @Inject
    CardAttestations attestations;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /**
     * Starts (or, after a reload or in a second tab, restarts) the caller's application on the card in
     * the reader. Refused while a pair is valid, on hold or waiting for the card.
     */
    public Started start(String cardGuid, boolean termsAccepted, String origin, String clientAddress)
            throws ApplicationRefusedException, CardRefusedException {
        String me = me();
        try {
            if (!termsAccepted) {
                throw new ApplicationRefusedException(TERMS_NOT_ACCEPTED, "subscriber agreement");
            }
            PairState pair = PairState.of(ca.ofSubscriber(me).stream().map(CertificateView::status).toList());
            if (pair != PairState.NONE && pair != PairState.ENDED) {
                throw new ApplicationRefusedException(PAIR_EXISTS, "pair " + pair);
            }
        } catch (ApplicationRefusedException e) {
            refused(clientAddress, e.getMessage());
            throw e;
        }
        Optional<CertificateApplication> open = em.createNamedQuery(CertificateApplication.OPEN_OF_SUBSCRIBER,
                CertificateApplication.class).setParameter("subscriber", me).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (open.isPresent() && open.get().step() == ApplicationStep.ISSUED) {
            // its pair was revoked or expired before reaching the card (else the pair state refused above)
            open.get().abandoned(clock.instant());
            em.flush();
            open = Optional.empty();
        }
        CertificateApplication application;
        if (open.isPresent()) {
            application = open.get();
            application.restart(cardGuid, clock.instant());
        } else {
            application = new CertificateApplication(randomId(), me, cardGuid, clock.instant());
            em.persist(application);
        }
        AgentStep ticket = adminAuthenticate(cardGuid, origin, clientAddress);
        audit.success(actor(clientAddress), AuditEvent.CERTIFICATE_APPLICATION_STARTED, me, "application "
                + application.id() + " on card " + cardGuid);
        return new Started(application.id(), cardGuid, ticket);
    }

    /** The server's answer to the card's witness, for the application's card only. */
    public AdminChallenge challenge(String applicationId, byte[] witness, String clientAddress)
            throws ApplicationRefusedException, CardRefusedException {
        CertificateApplication application = mine(applicationId);
        return authentications.begin(application.cardGuid(), witness, clientAddress);
    }

    /**
     * The card proved its management key: the tickets the application's step needs next. Before
     * issuance: generate both keys and sign both requests; after: write both certificates.
     */
    public List<AgentStep> cardProved(String applicationId, String challengeId, byte[] response, String origin,
            String clientAddress) throws ApplicationRefusedException, CardRefusedException {
        CertificateApplication application = mine(applicationId);
        String card = authentications.finish(challengeId, response, clientAddress).cardGuid();
        application.checkCard(card);
        if (application.step() == ApplicationStep.STARTED) {
            return List.of(
                    step(card, "generate-key", Map.of("slot", SIGNING_SLOT, "algorithm", SIGNING_ALGORITHM),
                            origin, clientAddress),
                    step(card, "generate-key", Map.of("slot", ENCRYPTION_SLOT, "algorithm",
                            ENCRYPTION_ALGORITHM), origin, clientAddress),
                    step(card, "sign-request", Map.of("slot", SIGNING_SLOT), origin, clientAddress),
                    step(card, "sign-request", Map.of("slot", ENCRYPTION_SLOT), origin, clientAddress));
        }
        application.expect(ApplicationStep.ISSUED);
        return List.of(
                writeTicket(card, SIGNING_SLOT, application.signingCertificate(), origin, clientAddress),
                writeTicket(card, ENCRYPTION_SLOT, application.encryptionCertificate(), origin,
                        clientAddress));
    }

    /**
     * The two requests the card signed, each with the card's attestation of its key: issued only if
     * each attestation verifies to the RA's card-attestation CA, names this card and the slot, and
     * certifies the very key of the request. The pair is persisted and audited here, before any write.
     */
    public Issued requestsSigned(String applicationId, CardRequest signing, CardRequest encryption, String origin,
            String clientAddress) throws ApplicationRefusedException, CardRefusedException {
        CertificateApplication application = mine(applicationId);
        application.expect(ApplicationStep.STARTED);
        String me = me();
        IssuedPair pair;
        try {
            attested(application, signing, SIGNING_SLOT);
            attested(application, encryption, ENCRYPTION_SLOT);
            String ubn = subscribers.ownAddressee().orElseThrow().ubn();
            pair = ca.issuePair(new PairRequest(application.id(), me, ubn, signing.request(), encryption.request()));
        } catch (RequestRejectedException e) {
            ApplicationRefusedException refused = new ApplicationRefusedException(e);
            refused(clientAddress, refused.getMessage());
            throw refused;
        } catch (CardRefusedException e) {
            refused(clientAddress, e.getMessage());
            throw e;
        }
        application.issued(pair.signing().certificateNumber(), pair.encryption().certificateNumber(), clock.instant());
        AgentStep ticket = adminAuthenticate(application.cardGuid(), origin, clientAddress);
        return new Issued(pair.signing(), pair.encryption(), ticket);
    }

    /** The agent wrote the certificate in this slot; once both are written the application completes. */
    public CertificateView written(String applicationId, String slotId, String clientAddress)
            throws ApplicationRefusedException {
        CertificateApplication application = mine(applicationId);
        application.expect(ApplicationStep.ISSUED);
        long number = SIGNING_SLOT.equals(slotId) ? application.signingCertificate()
                : application.encryptionCertificate();
        CertificateView certificate;
        try {
            certificate = ca.markOnCard(number);
        } catch (UnknownCertificateException | IllegalStatusTransitionException e) {
            throw new ApplicationRefusedException(OUT_OF_ORDER, e.getMessage());
        }
        completeIfBothOnCard(application, clientAddress);
        return certificate;
    }

    /**
     * Certificate download wrote a certificate of the caller's open application to the card (its own
     * write had failed): once both are on the card the application completes.
     */
    public void writtenByDownload(long certificate, String clientAddress) throws ApplicationRefusedException {
        Optional<CertificateApplication> open = em.createNamedQuery(CertificateApplication.OPEN_OF_SUBSCRIBER,
                CertificateApplication.class).setParameter("subscriber", me())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (open.isPresent() && open.get().step() == ApplicationStep.ISSUED
                && open.get().issuedCertificate(certificate)) {
            completeIfBothOnCard(open.get(), clientAddress);
        }
    }

    private void completeIfBothOnCard(CertificateApplication application, String clientAddress)
            throws ApplicationRefusedException {
        if (onCard(application.signingCertificate()) && onCard(application.encryptionCertificate())) {
            application.completed(clock.instant());
            audit.success(actor(clientAddress), AuditEvent.CERTIFICATE_APPLICATION_COMPLETED, me(), "application "
                    + application.id() + ": both certificates on card " + application.cardGuid());
        }
    }

    private boolean onCard(long number) {
        return ca.find(number).orElseThrow().status() == CertificateStatus.ACTIVE;
    }

    private AgentStep writeTicket(String card, String slot, long number,
            String origin, String clientAddress) throws CardRefusedException {
        byte[] der = ca.find(number).orElseThrow().der();
        return step(card, "write-certificate", Map.of("slot", slot, "certificate",
                Base64.getEncoder().encodeToString(der)), origin, clientAddress);
    }

    private AgentStep adminAuthenticate(String card, String origin, String clientAddress) throws CardRefusedException {
        return step(card, "admin-authenticate", Map.of("algorithm", MANAGEMENT_KEY_ALGORITHM), origin, clientAddress);
    }

    private AgentStep step(String card, String operation, Map<String, String> params, String origin,
            String clientAddress) throws CardRefusedException {
        return new AgentStep(operation, params, tickets.issue(card, operation, origin, params, clientAddress).ticket());
    }

    private void attested(CertificateApplication application, CardRequest request, String slot)
            throws CardRefusedException, RequestRejectedException {
        PublicKey key = ca.requestedKey(request.request());
        attestations.verify(application.cardGuid(), slot, request.attestation(), request.attestationIssuer(), key);
    }

    private CertificateApplication mine(String applicationId) throws ApplicationRefusedException {
        CertificateApplication application = applicationId == null ? null
                : em.find(CertificateApplication.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !application.subscriberId().equals(me())) {
            throw new ApplicationRefusedException(UNKNOWN_APPLICATION, "application " + applicationId);
        }
        return application;
    }

    private void refused(String clientAddress, String why) {
        audit.failure(actor(clientAddress), AuditEvent.CERTIFICATE_APPLICATION_REFUSED, me(), why);
    }

    private Actor actor(String clientAddress) {
        return new Actor(me(), "SUBSCRIBER", clientAddress);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }

    private static String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
