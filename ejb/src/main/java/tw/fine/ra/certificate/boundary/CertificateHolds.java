package tw.fine.ra.certificate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tw.fine.ra.account.boundary.SignIn;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.UnknownCertificateException;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.certificate.boundary.Applications.AgentStep;
import tw.fine.ra.certificate.control.CardProofCheck;
import tw.fine.ra.certificate.control.HoldNotices;
import tw.fine.ra.notification.boundary.Outbox;
import tw.fine.ra.platform.Refused;
import tw.fine.ra.registration.boundary.SubscriberMailers;

/**
 * The subscriber suspends his pair (a lost card) and resumes it (the card is found). Suspending
 * needs the website password; resuming needs the password and the card's signature over a nonce
 * from {@link ResumeChallenges} with the held signing key. Either way both certificates move
 * together in one transaction, the organization's contact is mailed through the outbox, and the
 * step is audited; relying parties see the change through the CA's CRL and OCSP at once.
 */
@Stateless
@RolesAllowed("SUBSCRIBER")
public class CertificateHolds {

    /** The resume step for the agent: sign the challenge's nonce with the held key in 9C, on this ticket. */
    public record ResumeStep(ResumeChallenges.Challenge challenge, AgentStep proof) implements java.io.Serializable {
    }

    static final String SIGN_CHALLENGE = "sign-challenge";

    @Inject
    CertificateAuthority ca;

    @Inject
    SignIn signIn;

    @Inject
    ResumeChallenges challenges;

    @Inject
    Cards cards;

    @Inject
    CardTickets tickets;

    @Inject
    SubscriberMailers mailers;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    private final CardProofCheck proofs = new CardProofCheck();
    private final HoldNotices notices = new HoldNotices();

    /**
     * Puts every usable certificate of the caller (his valid pair) on hold at once.
     *
     * @return the held certificates
     * @throws Refused at {@code password} for a wrong password (it counts toward the sign-in
     *                 lockout), or {@code holds.no-valid-pair} when nothing can be held
     */
    public List<CertificateView> suspend(char[] password, String clientAddress) throws Refused {
        Actor actor = actor(clientAddress);
        confirmPassword(password, actor, AuditEvent.CERTIFICATE_SUSPENSION, "suspend");
        List<CertificateView> active = mine(CertificateStatus.ACTIVE);
        if (active.isEmpty()) {
            throw refused(actor, AuditEvent.CERTIFICATE_SUSPENSION, "no valid pair", "holds.no-valid-pair");
        }
        List<CertificateView> held = move(active, true);
        notify(HoldNotices.Kind.SUSPENDED, held);
        audit.success(actor, AuditEvent.CERTIFICATE_SUSPENSION, actor.name(), describe(held) + "; contact notified");
        return held;
    }

    /**
     * A nonce for the card to sign with the held signing key (slot 9C), and the agent's ticket for
     * exactly that signature on the caller's registered card, bound to the site's origin.
     *
     * @throws Refused {@code holds.nothing-held} when the caller has no held signing certificate;
     *                 {@code holds.no-card} when no card of his is registered (or it is blocked)
     */
    public ResumeStep resumeChallenge(String clientAddress) throws Refused {
        if (heldSigning().isEmpty()) {
            throw new Refused(null, "holds.nothing-held");
        }
        CardView card = cards.myCard().orElseThrow(() -> new Refused(null, "holds.no-card"));
        ResumeChallenges.Challenge challenge = challenges.issue();
        Map<String, String> params = Map.of("slot", "9C", "nonce", challenge.nonce());
        try {
            String ticket = tickets.issue(card.guid(), SIGN_CHALLENGE, challenge.origin(), params, clientAddress)
                    .ticket();
            return new ResumeStep(challenge, new AgentStep(SIGN_CHALLENGE, params, ticket));
        } catch (CardRefusedException e) {
            throw refused(actor(clientAddress), AuditEvent.CERTIFICATE_RESUMPTION, e.getMessage(), "holds.no-card");
        }
    }

    /**
     * Releases the caller's held pair when the password is right and {@code signature} is the
     * card's proof over {@code nonce} with the held signing certificate's key. The nonce is spent
     * by this attempt whatever its outcome.
     *
     * @throws Refused at {@code password} for a wrong password; {@code holds.challenge-invalid}
     *                 for an unknown, expired or spent nonce; {@code holds.proof-invalid} when the
     *                 signature does not verify; {@code holds.nothing-held}
     */
    public List<CertificateView> resume(char[] password, String nonce, byte[] signature, String clientAddress)
            throws Refused {
        Actor actor = actor(clientAddress);
        Optional<String> origin = challenges.spend(nonce);
        confirmPassword(password, actor, AuditEvent.CERTIFICATE_RESUMPTION, "resume");
        if (origin.isEmpty()) {
            throw refused(actor, AuditEvent.CERTIFICATE_RESUMPTION, "nonce unknown, expired or spent",
                    "holds.challenge-invalid");
        }
        CertificateView signing = heldSigning().orElseThrow(() -> refused(actor, AuditEvent.CERTIFICATE_RESUMPTION,
                "nothing on hold", "holds.nothing-held"));
        if (!proofs.verifies(signing.der(), origin.get(), nonce, signature)) {
            throw refused(actor, AuditEvent.CERTIFICATE_RESUMPTION, "the card's proof does not verify with #"
                    + signing.certificateNumber(), "holds.proof-invalid");
        }
        List<CertificateView> released = move(mine(CertificateStatus.ON_HOLD), false);
        notify(HoldNotices.Kind.RESUMED, released);
        audit.success(actor, AuditEvent.CERTIFICATE_RESUMPTION, actor.name(), describe(released)
                + " released after the card's proof with #" + signing.certificateNumber() + "; contact notified");
        return released;
    }

    private void confirmPassword(char[] password, Actor actor, AuditEvent event, String purpose) throws Refused {
        if (!signIn.confirm(actor.name(), password, actor.clientAddress(), purpose)) {
            throw refused(actor, event, "wrong password", "password", "holds.password-wrong");
        }
    }

    /** The newest held signing certificate: the one whose key is on the card in 9C. */
    private Optional<CertificateView> heldSigning() {
        return mine(CertificateStatus.ON_HOLD).stream().filter(c -> c.usage() == CertificateUsage.SIGNING)
                .reduce((older, newer) -> newer);
    }

    private List<CertificateView> mine(CertificateStatus status) {
        return ca.ofSubscriber(caller.getCallerPrincipal().getName()).stream()
                .filter(c -> c.status() == status).toList();
    }

    /** All or nothing: a failure rolls back the moves already made in this transaction. */
    private List<CertificateView> move(List<CertificateView> certificates, boolean hold) throws Refused {
        List<CertificateView> moved = new ArrayList<>();
        try {
            for (CertificateView c : certificates) {
                moved.add(hold ? ca.hold(c.certificateNumber()) : ca.release(c.certificateNumber()));
            }
        } catch (UnknownCertificateException | IllegalStatusTransitionException e) {
            // another session moved one meanwhile; the caller's rollback undoes the rest
            throw new Refused(null, "holds.changed-meanwhile");
        }
        return moved;
    }

    private void notify(HoldNotices.Kind kind, List<CertificateView> certificates) {
        String subscriber = caller.getCallerPrincipal().getName();
        SubscriberMailers.Addressee to = mailers.ownAddressee().orElseThrow(
                () -> new IllegalStateException("no registration for " + subscriber));
        HoldNotices.Notice notice = notices.notice(kind, new HoldNotices.To(to.contactName(), to.organization(),
                to.ubn()), subscriber, clock.instant(), certificates.stream().map(CertificateHolds::line).toList());
        outbox.enqueue(to.contactEmail(), notice.subject(), notice.body());
    }

    private static String line(CertificateView c) {
        return "#" + c.certificateNumber() + " " + c.usage().name().toLowerCase(Locale.ROOT) + " / "
                + (c.usage() == CertificateUsage.SIGNING ? "簽章" : "加密") + ", serial " + c.serial().toString(16);
    }

    private static String describe(List<CertificateView> certificates) {
        return "certificates " + certificates.stream().map(c -> "#" + c.certificateNumber()).toList();
    }

    private Actor actor(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), "SUBSCRIBER", clientAddress);
    }

    private Refused refused(Actor actor, AuditEvent event, String detail, String messageKey) {
        return refused(actor, event, detail, null, messageKey);
    }

    private Refused refused(Actor actor, AuditEvent event, String detail, String field, String messageKey) {
        audit.failure(actor, event, actor.name(), detail);
        return new Refused(field, messageKey);
    }
}
