package tw.fine.ra.card.entity;

import java.util.Map;

/**
 * What the RA counter relays to the card-station agent's {@code personalize}: the parameters
 * ({@code guid}, {@code envelope} sealed to the card's transport key, {@code cardAuthenticationAlgorithm})
 * and their ticket; and the sealed card PIN mailer (PDF), the only place the initial PIN exists.
 */
public record PersonalizationStart(String guid, Map<String, String> parameters, IssuedTicket ticket,
        String mailerReference, byte[] pinMailer) {
}
