package tw.fine.ra.ca.entity;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;

/**
 * The RA's ES256 command-ticket key (ADR 0001) as the CA key store holds it: a handle to the
 * private key (on a token non-extractable), the provider that signs with it (null: the JDK's
 * default) and the public key agents pin.
 */
public record TicketSigningKey(PrivateKey privateKey, Provider provider, ECPublicKey publicKey) {
}
