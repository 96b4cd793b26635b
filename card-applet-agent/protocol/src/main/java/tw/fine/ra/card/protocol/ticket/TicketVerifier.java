package tw.fine.ra.card.protocol.ticket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Checks a ticket against the pinned RA key and what the agent observed. The signature is
 * checked before any claim is believed; the nonce is spent only when everything else passed,
 * so a ticket refused for a wrong card can still be used with the right one.
 */
public final class TicketVerifier {

    /** Longest validity the agent accepts, whatever the server wrote. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** Tolerated difference between the RA server's clock and this computer's. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ECDSAVerifier verifier;
    private final Clock clock;
    private final ReplayGuard replayGuard;

    public TicketVerifier(ECPublicKey pinnedKey, Clock clock, ReplayGuard replayGuard) {
        try {
            this.verifier = new ECDSAVerifier(pinnedKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the pinned ticket key must be P-256", e);
        }
        this.clock = clock;
        this.replayGuard = replayGuard;
    }

    public CommandTicket verify(String compact, Expectation expected) throws TicketRefusedException {
        if (compact == null || compact.isBlank()) {
            throw new TicketRefusedException(Refusal.TICKET_MISSING, "no ticket");
        }
        SignedJWT jwt = parse(compact);
        checkSignature(jwt);
        CommandTicket ticket = claims(jwt);
        checkTime(ticket);
        checkBinding(ticket, expected);
        if (!replayGuard.remembers(ticket.issuedAt())) {
            throw new TicketRefusedException(Refusal.TICKET_ISSUED_BEFORE_START,
                    "issued at " + ticket.issuedAt() + ", before the agent started");
        }
        if (!replayGuard.firstUse(ticket.nonce(), ticket.expiresAt().plus(CLOCK_SKEW), clock.instant())) {
            throw new TicketRefusedException(Refusal.TICKET_REPLAYED, "nonce already used");
        }
        return ticket;
    }

    private static SignedJWT parse(String compact) throws TicketRefusedException {
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw new TicketRefusedException(Refusal.TICKET_MALFORMED, e.getMessage());
        }
    }

    private void checkSignature(SignedJWT jwt) throws TicketRefusedException {
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new TicketRefusedException(Refusal.TICKET_WRONG_ALGORITHM, String.valueOf(jwt.getHeader().getAlgorithm()));
        }
        if (!new JOSEObjectType(CommandTicket.TYPE).equals(jwt.getHeader().getType())) {
            throw new TicketRefusedException(Refusal.TICKET_MALFORMED, "typ must be " + CommandTicket.TYPE);
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new TicketRefusedException(Refusal.TICKET_BAD_SIGNATURE, "signature does not verify with the pinned key");
            }
        } catch (JOSEException e) {
            throw new TicketRefusedException(Refusal.TICKET_BAD_SIGNATURE, e.getMessage());
        }
    }

    private static CommandTicket claims(SignedJWT jwt) throws TicketRefusedException {
        try {
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Operation operation = Operation.fromWireName(required(c.getStringClaim(CommandTicket.OPERATION)));
            return new CommandTicket(operation, required(c.getStringClaim(CommandTicket.ORIGIN)),
                    required(c.getStringClaim(CommandTicket.CARD)), required(c.getStringClaim(CommandTicket.PARAMETERS)),
                    required(c.getJWTID()), instant(c.getIssueTime()), instant(c.getExpirationTime()));
        } catch (ParseException | IllegalArgumentException e) {
            throw new TicketRefusedException(Refusal.TICKET_MALFORMED, e.getMessage());
        }
    }

    private void checkTime(CommandTicket ticket) throws TicketRefusedException {
        Instant now = clock.instant();
        if (Duration.between(ticket.issuedAt(), ticket.expiresAt()).compareTo(MAX_LIFETIME) > 0) {
            throw new TicketRefusedException(Refusal.TICKET_LIFETIME_TOO_LONG, "valid for more than " + MAX_LIFETIME);
        }
        if (now.isAfter(ticket.expiresAt().plus(CLOCK_SKEW))) {
            throw new TicketRefusedException(Refusal.TICKET_EXPIRED, "expired at " + ticket.expiresAt());
        }
        if (now.isBefore(ticket.issuedAt().minus(CLOCK_SKEW))) {
            throw new TicketRefusedException(Refusal.TICKET_NOT_YET_VALID, "issued at " + ticket.issuedAt());
        }
    }

    private static void checkBinding(CommandTicket ticket, Expectation expected) throws TicketRefusedException {
        if (!ticket.origin().equals(expected.origin())) {
            throw new TicketRefusedException(Refusal.TICKET_WRONG_ORIGIN, "ticket for " + ticket.origin());
        }
        if (ticket.operation() != expected.operation()) {
            throw new TicketRefusedException(Refusal.TICKET_WRONG_OPERATION, "ticket for " + ticket.operation().wireName());
        }
        if (!ticket.cardGuid().equalsIgnoreCase(expected.cardGuid())) {
            throw new TicketRefusedException(Refusal.TICKET_WRONG_CARD, "ticket for card " + ticket.cardGuid());
        }
        if (!ticket.parametersHash().equals(expected.parametersHash())) {
            throw new TicketRefusedException(Refusal.TICKET_WRONG_PARAMETERS, "parameters differ from the signed ones");
        }
    }

    private static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing claim");
        }
        return value;
    }

    private static Instant instant(Date date) {
        if (date == null) {
            throw new IllegalArgumentException("missing iat or exp");
        }
        return date.toInstant();
    }
}
