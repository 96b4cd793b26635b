package tw.fine.ra.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.ca.boundary.UnknownCertificateException;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardPersonalizations;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardStatus;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.entity.PersonalizationFinish;
import tw.fine.ra.card.entity.PersonalizationStart;
import tw.fine.ra.platform.Settings;

/**
 * The dev runner's demo card ({@code fine.demo.card-folder}, which only {@code run.sh} sets): once the
 * runner's card-station agent answers with its blank simulated card, the card is personalized for the
 * {@linkplain DemoData#CARD_HOLDER first demo subscriber} through the counter's boundaries, this bean
 * playing the part of the clerk's page ({@code admin/personalize.xhtml} with {@code js/personalize.js})
 * toward the agent over loopback HTTP, and handed over. As the subscriber would, it reads the PIN from
 * the sealed card PIN mailer, and writes it to {@code <folder>/pin} (owner only) for the agent's
 * {@code --scripted-pin-file}, the mailer to {@code card-pin-mailer.pdf}, and, last, who holds which card
 * to {@code card}, which the runner waits for ({@code failed} says why it did not happen).
 * <p>
 * The simulated card lives only as long as the agent, so each start retires the holder's previous card
 * and revokes the certificates whose keys went with it (cessation of operation): the newcomer can apply
 * at once after every start.
 */
@Singleton
@Startup
@DependsOn("DemoData")
@PermitAll
@RunAs("CLERK")
@RunAsPrincipal(DemoCard.STATION)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCard {

    /** Who personalizes the demo card, as the audit trail and the card registry name it. */
    public static final String STATION = "demo-card-station";
    private static final Logger LOG = Logger.getLogger(DemoCard.class.getName());
    private static final String ADDRESS = "127.0.0.1";
    /** The runner starts the agent once the application answers; it waits this long for it. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Cards cards;

    @Inject
    CardPersonalizations personalizations;

    @Inject
    CardAuthentications authentications;

    @Inject
    CertificateAuthority ca;

    @Resource
    TimerService timers;

    private Instant since;

    @PostConstruct
    void waitForTheAgent() {
        if (settings.demoCardFolder().isPresent()) {
            since = clock.instant();
            tryAgainSoon();
        }
    }

    @Timeout
    void attempt() {
        Path folder = settings.demoCardFolder().orElseThrow();
        try {
            personalize(DemoData.CARD_HOLDER, folder);
        } catch (AgentAway e) {
            if (Duration.between(since, clock.instant()).compareTo(PATIENCE) < 0) {
                tryAgainSoon();
            } else {
                failed(folder, "no card agent answered at " + settings.agentUrl() + " within " + PATIENCE, null);
            }
        } catch (CardRefusedException | RuntimeException e) {
            failed(folder, e.toString(), e);
        }
    }

    /** One attempt at a time (a personalization takes seconds), so no overlapping interval timer. */
    private void tryAgainSoon() {
        timers.createSingleActionTimer(2_000, new TimerConfig("fine-demo-card", false));
    }

    /**
     * Personalizes the blank card in the agent at {@code fine.agent.url} for {@code subscriberId} and hands it
     * over, after retiring the subscriber's previous cards; writes {@code pin}, {@code card-pin-mailer.pdf}
     * and {@code card} into {@code folder}. Answers the new card's GUID.
     *
     * @throws AgentAway while no agent answers
     */
    public String personalize(String subscriberId, Path folder) throws CardRefusedException {
        String origin = settings.raOrigins().get(0);
        StationAgent agent = new StationAgent(settings.agentUrl(), origin);
        Map<String, String> card = agent.get("/v1/card");
        if (!"true".equals(card.get("present")) || "true".equals(card.get("personalized"))
                || card.get("transportKey") == null) {
            throw new IllegalStateException("the agent's card is not a blank card: " + card);
        }
        retirePreviousCards(subscriberId);

        PersonalizationStart start = personalizations.begin(subscriberId, card.get("transportKey"), origin, ADDRESS);
        Map<String, String> done = agent.post("/v1/card/personalize", start.parameters(), start.ticket(), null);
        PersonalizationFinish certified = personalizations.finish(start.guid(), done.get("card"),
                done.get("attestationKey"), card.get("appletVersion"), origin, ADDRESS);
        Map<String, String> session = agent.post("/v1/card/admin-authenticate",
                certified.adminAuthenticateParameters(), certified.adminAuthenticateTicket(), null);
        try {
            AdminChallenge challenge = authentications.begin(start.guid(),
                    Base64.getDecoder().decode(session.get("witness")), ADDRESS);
            Map<String, String> answer = agent.post("/v1/card/admin-answer", Map.of(
                    "witness", base64(challenge.witness()), "challenge", base64(challenge.challenge())),
                    null, session.get("session"));
            authentications.finish(challenge.id(), Base64.getDecoder().decode(answer.get("response")), ADDRESS);
            IssuedTicket write = personalizations.attestationCertificateTicket(start.guid(),
                    certified.attestationCertificate(), origin, ADDRESS);
            agent.post("/v1/card/write-certificate", Map.of("slot", "F9",
                    "certificate", base64(certified.attestationCertificate())), write, session.get("session"));
        } finally {
            agent.close(session.get("session"));
        }
        CardView handedOver = personalizations.handOver(start.guid(), ADDRESS);
        DemoCardFolder files = new DemoCardFolder(folder);
        files.handedOver(handedOver, start.pinMailer());
        LOG.info("Demo card " + handedOver.guid() + " personalized for and handed over to " + subscriberId
                + "; its PIN is in " + files.pin());
        return handedOver.guid();
    }

    /** The simulated card of an earlier start is gone with its agent, and so are the keys on it. */
    private void retirePreviousCards(String subscriberId) throws CardRefusedException {
        for (CardView old : cards.ofSubscriber(subscriberId)) {
            if (old.status() != CardStatus.RETIRED) {
                cards.retire(old.guid(), ADDRESS);
            }
        }
        for (CertificateView certificate : ca.ofSubscriber(subscriberId)) {
            if (!certificate.status().isEnded()) {
                try {
                    ca.revoke(certificate.certificateNumber(), RevocationReason.CESSATION_OF_OPERATION, null);
                } catch (UnknownCertificateException | IllegalStatusTransitionException e) {
                    throw new IllegalStateException("cannot revoke certificate " + certificate.certificateNumber(), e);
                }
            }
        }
    }

    private static void failed(Path folder, String reason, Exception cause) {
        LOG.log(Level.WARNING, "The demo card was not personalized: " + reason, cause);
        try {
            new DemoCardFolder(folder).failed(reason);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the reason into " + folder, e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** No card agent answers (yet): the runner starts it after the application. */
    public static final class AgentAway extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AgentAway(String agent, ConnectException cause) {
            super("no card agent at " + agent, cause);
        }
    }
}
