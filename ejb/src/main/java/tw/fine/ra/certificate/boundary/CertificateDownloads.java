package tw.fine.ra.certificate.boundary;

import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.CHALLENGE_INVALID;
import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.KEY_MISMATCH;
import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.NOTHING_WAITING;
import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.NOT_WAITING;
import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.NOT_YOUR_CERTIFICATE;
import static tw.fine.ra.certificate.entity.DownloadRefusedException.Reason.WRONG_CARD;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.UnknownCertificateException;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.certificate.boundary.Applications.AgentStep;
import tw.fine.ra.certificate.control.CardProofCheck;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;
import tw.fine.ra.certificate.entity.DownloadRefusedException;

/**
 * Certificate download (憑證下載, SPEC function 4): writes the caller's certificates that were issued
 * but did not reach the card (a failed write during the application) onto his registered card, and
 * only when the card holds the matching key. The check is a fresh proof: the card signs a server
 * nonce for the page's origin with the key in the certificate's slot (9C signing, 9D key
 * management: the agent's {@code sign-challenge}, PIN in its dialog), and the server verifies that
 * signature with the certificate's public key, as resuming does. A key that was regenerated, another
 * card or another slot fails here, before any write ticket exists. Then the card proves its
 * management key to the server, gets one {@code write-certificate} ticket per proved certificate,
 * and each written certificate is marked on the card (audited) once the page shows the proof again.
 */
@Stateless
@RolesAllowed("SUBSCRIBER")
public class CertificateDownloads {

    /** The card's proof for one certificate: {@code sign-challenge} in its slot over the start's nonce. */
    public record Proof(long certificate, AgentStep step) implements java.io.Serializable {
    }

    /** The first answer: the nonce, the proofs to make, then the management-key session for the writes. */
    public record Started(String nonce, List<Proof> proofs, AgentStep adminAuthenticate)
            implements java.io.Serializable {
    }

    /** A proved certificate and the ticket to write it into its slot. */
    public record Write(long certificate, AgentStep step) implements java.io.Serializable {
    }

    static final String SIGN_CHALLENGE = "sign-challenge";

    @Inject
    CertificateAuthority ca;

    @Inject
    Cards cards;

    @Inject
    CardTickets tickets;

    @Inject
    CardAuthentications authentications;

    @Inject
    ResumeChallenges challenges;

    @Inject
    Applications applications;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext caller;

    private final CardProofCheck proofs = new CardProofCheck();

    /** The caller's certificates that are issued but not on the card, oldest first. */
    public List<CertificateView> waiting() {
        return ca.ofSubscriber(me()).stream().filter(c -> c.status() == CertificateStatus.ISSUED_NOT_ON_CARD)
                .toList();
    }

    /**
     * Starts a download of the chosen certificates (all waiting ones when none is named) onto the
     * card in the reader, which must be the caller's registered card in use.
     */
    public Started start(String cardGuid, Collection<Long> certificates, String origin, String clientAddress)
            throws DownloadRefusedException, CardRefusedException {
        List<CertificateView> chosen = new ArrayList<>();
        if (certificates == null || certificates.isEmpty()) {
            chosen.addAll(waiting());
            if (chosen.isEmpty()) {
                throw refused(clientAddress, new DownloadRefusedException(NOTHING_WAITING, "nothing to download"));
            }
        } else {
            for (long number : certificates) {
                chosen.add(waiting(number, clientAddress));
            }
        }
        String card = myCard(cardGuid, clientAddress);
        ResumeChallenges.Challenge challenge;
        try {
            challenge = challenges.issueFor(origin);
        } catch (IllegalArgumentException e) {
            throw new CardRefusedException(CardRefusedException.Reason.ORIGIN_NOT_ALLOWED, e.getMessage());
        }
        List<Proof> steps = new ArrayList<>();
        for (CertificateView c : chosen) {
            Map<String, String> params = Map.of("slot", slot(c), "nonce", challenge.nonce());
            steps.add(new Proof(c.certificateNumber(), step(card, SIGN_CHALLENGE, params, origin, clientAddress)));
        }
        return new Started(challenge.nonce(), steps, step(card, "admin-authenticate",
                Map.of("algorithm", Applications.MANAGEMENT_KEY_ALGORITHM), origin, clientAddress));
    }

    /** The server's answer to the card's witness, for the caller's registered card only. */
    public AdminChallenge challenge(String cardGuid, byte[] witness, String clientAddress)
            throws DownloadRefusedException, CardRefusedException {
        return authentications.begin(myCard(cardGuid, clientAddress), witness, clientAddress);
    }

    /**
     * The card proved its management key and signed the nonce in each certificate's slot: the
     * tickets to write exactly the certificates whose key the card proved. The nonce is spent by
     * this call, whatever its outcome.
     *
     * @param signatures the card's proof per certificate number
     */
    public List<Write> cardProved(String challengeId, byte[] response, String nonce, Map<Long, byte[]> signatures,
            String origin, String clientAddress) throws DownloadRefusedException, CardRefusedException {
        // every refusal (audited in its own transaction) comes before the card authentication's success is
        // audited in this one: the audit chain's head stays locked by this transaction from then on
        String nonceOrigin = challenges.spend(nonce).orElseThrow(() -> refused(clientAddress,
                new DownloadRefusedException(CHALLENGE_INVALID, "nonce unknown, expired or spent")));
        if (signatures == null || signatures.isEmpty()) {
            throw refused(clientAddress, new DownloadRefusedException(KEY_MISMATCH, "no proof"));
        }
        Map<Long, CertificateView> checked = new LinkedHashMap<>();
        for (Map.Entry<Long, byte[]> proof : signatures.entrySet()) {
            CertificateView c = waiting(proof.getKey(), clientAddress);
            checkProof(c, nonceOrigin, nonce, proof.getValue(), clientAddress);
            checked.put(c.certificateNumber(), c);
        }
        String proved = authentications.finish(challengeId, response, clientAddress).cardGuid();
        CardView mine = cards.myCard().orElse(null);
        if (mine == null || !mine.guid().equalsIgnoreCase(proved)) {
            // the authentication began for the caller's card only (challenge); its audit names the card
            throw new DownloadRefusedException(WRONG_CARD, "card " + proved + " is no longer the caller's");
        }
        List<Write> writes = new ArrayList<>();
        for (CertificateView c : checked.values()) {
            Map<String, String> params = Map.of("slot", slot(c), "certificate",
                    Base64.getEncoder().encodeToString(c.der()));
            writes.add(new Write(c.certificateNumber(), step(mine.guid(), "write-certificate", params, origin,
                    clientAddress)));
        }
        return writes;
    }

    /**
     * The agent wrote the certificate: it is marked on the card, given the proof of this download
     * again (the nonce spent a moment ago and the card's signature with the certificate's key), so
     * nothing is marked on the card without the card having shown its key.
     */
    public CertificateView written(long certificate, String nonce, byte[] signature, String clientAddress)
            throws DownloadRefusedException {
        CertificateView c = waiting(certificate, clientAddress);
        String origin = challenges.recentlySpent(nonce).orElseThrow(() -> refused(clientAddress,
                new DownloadRefusedException(CHALLENGE_INVALID, "no proof spent a moment ago")));
        checkProof(c, origin, nonce, signature, clientAddress);
        CertificateView onCard;
        try {
            onCard = ca.markOnCard(certificate);
        } catch (UnknownCertificateException | IllegalStatusTransitionException e) {
            throw refused(clientAddress, new DownloadRefusedException(NOT_WAITING, e.getMessage()));
        }
        audit.success(actor(clientAddress), AuditEvent.CERTIFICATE_DOWNLOAD, me(), "certificate #" + certificate
                + " (" + c.usage() + ", slot " + slot(c) + ") written to the card");
        try {
            applications.writtenByDownload(certificate, clientAddress);
        } catch (ApplicationRefusedException e) {
            throw new IllegalStateException("the open application cannot complete", e);
        }
        return onCard;
    }

    /** The caller's certificate waiting for the card; another's or an unknown number is refused alike. */
    private CertificateView waiting(long number, String clientAddress) throws DownloadRefusedException {
        CertificateView c = ca.find(number).filter(v -> v.subscriberId().equals(me())).orElse(null);
        if (c == null) {
            audit.failure(actor(clientAddress), AuditEvent.CERTIFICATE_ACCESS_REFUSED, me(),
                    "download: certificate #" + number + " is not the caller's");
            throw new DownloadRefusedException(NOT_YOUR_CERTIFICATE, "certificate #" + number);
        }
        if (c.status() != CertificateStatus.ISSUED_NOT_ON_CARD) {
            throw refused(clientAddress, new DownloadRefusedException(NOT_WAITING, "certificate #" + number + " is "
                    + c.status()));
        }
        return c;
    }

    private void checkProof(CertificateView c, String origin, String nonce, byte[] signature, String clientAddress)
            throws DownloadRefusedException {
        if (!proofs.verifies(c.der(), origin, nonce, signature)) {
            throw refused(clientAddress, new DownloadRefusedException(KEY_MISMATCH, "the card's key in " + slot(c)
                    + " does not prove certificate #" + c.certificateNumber()));
        }
    }

    /** The GUID of the caller's registered card in use, if it is the card in the reader. */
    private String myCard(String cardGuid, String clientAddress) throws DownloadRefusedException {
        CardView mine = cards.myCard().orElse(null);
        if (mine == null || !mine.guid().equalsIgnoreCase(String.valueOf(cardGuid))) {
            throw refused(clientAddress, new DownloadRefusedException(WRONG_CARD, "card " + cardGuid
                    + (mine == null ? ", none registered" : ", registered " + mine.guid())));
        }
        return mine.guid();
    }

    private AgentStep step(String card, String operation, Map<String, String> params, String origin,
            String clientAddress) throws CardRefusedException {
        return new AgentStep(operation, params, tickets.issue(card, operation, origin, params, clientAddress).ticket());
    }

    private static String slot(CertificateView c) {
        return c.usage() == CertificateUsage.SIGNING ? Applications.SIGNING_SLOT : Applications.ENCRYPTION_SLOT;
    }

    private DownloadRefusedException refused(String clientAddress, DownloadRefusedException e) {
        audit.failure(actor(clientAddress), AuditEvent.CERTIFICATE_DOWNLOAD, me(), e.getMessage());
        return e;
    }

    private Actor actor(String clientAddress) {
        return new Actor(me(), "SUBSCRIBER", clientAddress);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
