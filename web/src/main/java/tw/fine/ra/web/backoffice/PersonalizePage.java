package tw.fine.ra.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.PrimeFaces;
import org.primefaces.model.StreamedContent;
import tw.fine.ra.card.boundary.CardAuthentications;
import tw.fine.ra.card.boundary.CardPersonalizations;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.entity.PersonalizationFinish;
import tw.fine.ra.card.entity.PersonalizationStart;
import tw.fine.ra.registration.boundary.SubscriberSearch;
import tw.fine.ra.web.support.Downloads;
import tw.fine.ra.web.support.Pages;

/**
 * Personalize a blank card for a subscriber at the RA counter (clerk). The clerk picks the
 * subscriber; the page's module {@code js/personalize.js} drives the card-station agent and calls the
 * steps here (remote commands), relaying only ciphertext, tickets and public keys. The card PIN
 * mailer is held in this view until downloaded, and only offered once the card is handed over.
 */
@Named
@ViewScoped
public class PersonalizePage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Where a card-station agent listens unless the clerk says otherwise. */
    static final String DEFAULT_AGENT = "http://127.0.0.1:31520";

    @Inject
    SubscriberSearch directory;

    @Inject
    CardPersonalizations personalizations;

    @Inject
    CardAuthentications authentications;

    private String query;
    private List<SubscriberSearch.Row> rows = List.of();
    private boolean searched;
    private String subscriberId;
    private String agentUrl = DEFAULT_AGENT;
    private int step;
    private String guid;
    private String mailerReference;
    private byte[] pinMailer;
    private byte[] attestationCertificate;
    private boolean handedOver;

    public void search() {
        rows = directory.search(query);
        searched = true;
    }

    public void choose(String subscriber) {
        subscriberId = subscriber;
        step = 0;
        guid = null;
        pinMailer = null;
        handedOver = false;
    }

    /** Step 1 → 2: the blank card's transport key in, the sealed envelope and its ticket out. */
    public void begin() {
        run(() -> {
            PersonalizationStart start = personalizations.begin(subscriberId, param("transportKey"), param("origin"),
                    Pages.clientAddress());
            guid = start.guid();
            mailerReference = start.mailerReference();
            pinMailer = start.pinMailer();
            step = 1;
            answer(start.parameters(), start.ticket());
        });
    }

    /** Step 2 → 3: the agent's answer; the attestation certificate and the authentication ticket out. */
    public void finish() {
        run(() -> {
            PersonalizationFinish finish = personalizations.finish(guid, param("card"), param("attestationKey"),
                    param("appletVersion"), param("origin"), Pages.clientAddress());
            attestationCertificate = finish.attestationCertificate();
            step = 2;
            answer(finish.adminAuthenticateParameters(), finish.adminAuthenticateTicket());
        });
    }

    /** Step 3: the card's witness in, the server's answer and challenge out. */
    public void authenticate() {
        run(() -> {
            AdminChallenge challenge = authentications.begin(guid, Base64.getDecoder().decode(param("witness")),
                    Pages.clientAddress());
            PrimeFaces.current().ajax().addCallbackParam("challengeId", challenge.id());
            PrimeFaces.current().ajax().addCallbackParam("witness", base64(challenge.witness()));
            PrimeFaces.current().ajax().addCallbackParam("challenge", base64(challenge.challenge()));
        });
    }

    /** Step 3 → 4: the card's response proves its key; the ticket to write its attestation certificate out. */
    public void authenticated() {
        run(() -> {
            authentications.finish(param("challengeId"), Base64.getDecoder().decode(param("response")),
                    Pages.clientAddress());
            IssuedTicket ticket = personalizations.attestationCertificateTicket(guid, attestationCertificate,
                    param("origin"), Pages.clientAddress());
            step = 3;
            answer(Map.of("slot", "F9", "certificate", base64(attestationCertificate)), ticket);
        });
    }

    /** Step 4 → 5: the certificate is on the card; the card goes to the subscriber with its PIN mailer. */
    public void handOver() {
        run(() -> {
            personalizations.handOver(guid, Pages.clientAddress());
            step = 5;
            handedOver = true;
            Pages.info("personalize.done", guid, subscriberId);
        });
    }

    /** The sealed card PIN mailer, once the card is handed over. */
    public StreamedContent getMailer() {
        return handedOver && pinMailer != null ? Downloads.pdf("card-pin-" + mailerReference + ".pdf", pinMailer)
                : null;
    }

    private interface Step {
        void run() throws CardRefusedException;
    }

    /** A refusal goes back to the module as a message in the page's language; it stops the flow there. */
    private void run(Step work) {
        try {
            work.run();
        } catch (CardRefusedException e) {
            PrimeFaces.current().ajax().addCallbackParam("error", Pages.text(e.messageKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            PrimeFaces.current().ajax().addCallbackParam("error", Pages.text("personalize.error.input"));
        }
    }

    private static void answer(Map<String, String> parameters, IssuedTicket ticket) {
        PrimeFaces.current().ajax().addCallbackParam("params", json(parameters));
        PrimeFaces.current().ajax().addCallbackParam("ticket", ticket.ticket());
    }

    /** A flat JSON object of strings (base64, hex, algorithm names: nothing that needs more than quoting). */
    static String json(Map<String, String> values) {
        StringWriter out = new StringWriter().append('{');
        new TreeMap<>(values).forEach((k, v) -> out.append(out.getBuffer().length() > 1 ? "," : "")
                .append(quote(k)).append(':').append(quote(v)));
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<SubscriberSearch.Row> getRows() { return rows; }
    public boolean isSearched() { return searched; }
    public String getSubscriberId() { return subscriberId; }
    public String getAgentUrl() { return agentUrl; }
    public void setAgentUrl(String agentUrl) { this.agentUrl = agentUrl; }
    public int getStep() { return step; }
    public String getGuid() { return guid; }
    public boolean isHandedOver() { return handedOver; }
}
