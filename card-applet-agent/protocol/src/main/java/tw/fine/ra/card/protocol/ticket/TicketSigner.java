package tw.fine.ra.card.protocol.ticket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Issues tickets with the RA server's P-256 ticket key (the server side of the format). */
public final class TicketSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ECDSASigner signer;
    private final String keyId;

    public TicketSigner(ECPrivateKey key, String keyId) {
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a P-256 key", e);
        }
        this.keyId = keyId;
    }

    /**
     * A ticket key held in a key store, e.g. a handle to a key on an HSM that has no
     * {@link ECPrivateKey} view: it signs through {@code provider} (null: the JDK's default).
     */
    public TicketSigner(PrivateKey key, Provider provider, String keyId) {
        try {
            this.signer = new ECDSASigner(key, Curve.P_256);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a P-256 key", e);
        }
        if (provider != null) {
            signer.getJCAContext().setProvider(provider);
        }
        this.keyId = keyId;
    }

    /** A fresh ticket with a random 128-bit nonce, valid from {@code now} for {@code lifetime}. */
    public String issue(Operation operation, String origin, String cardGuid, String parametersHash,
                        Instant now, Duration lifetime) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return sign(new CommandTicket(operation, origin, cardGuid, parametersHash,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), now, now.plus(lifetime)));
    }

    public String sign(CommandTicket ticket) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim(CommandTicket.OPERATION, ticket.operation().wireName())
                .claim(CommandTicket.ORIGIN, ticket.origin())
                .claim(CommandTicket.CARD, ticket.cardGuid())
                .claim(CommandTicket.PARAMETERS, ticket.parametersHash())
                .jwtID(ticket.nonce())
                .issueTime(Date.from(ticket.issuedAt()))
                .expirationTime(Date.from(ticket.expiresAt()))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(CommandTicket.TYPE))
                .keyID(keyId)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
