package tw.fine.ra.card.boundary;

import static tw.fine.ra.card.entity.CardRefusedException.Reason.BAD_CARD_KEY;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.NOT_THE_CARDS_CERTIFICATE;
import static tw.fine.ra.card.entity.CardRefusedException.Reason.PERSONALIZATION_MISMATCH;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CardAttestationAuthority;
import tw.fine.ra.ca.boundary.RaKeys;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.card.control.CardSecrets;
import tw.fine.ra.card.control.TicketRules;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.card.entity.IssuedTicket;
import tw.fine.ra.card.entity.PersonalizationFinish;
import tw.fine.ra.card.entity.PersonalizationStart;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PersonalizationSealer;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.registration.boundary.SubscriberMailers;

/**
 * Personalization of a blank card at the RA counter (ADR 0004), driven by the clerk's page through the
 * card-station agent. {@link #begin} registers the card with a server-assigned GUID, draws the initial
 * PIN, derives PUK and management key, seals all of it to the card's transport key and prints the PIN
 * into the sealed card PIN mailer: the PIN exists nowhere else, neither in the database nor in a log.
 * {@link #finish} records the personalization and certifies the card's attestation key (F9); the
 * counter then proves the card's management key ({@link CardAuthentications}), writes the F9
 * certificate ({@link #attestationCertificateTicket}) and {@link #handOver hands the card over}.
 * Each call is one transaction: a failed one leaves the card as it was (a blank card holds no place of
 * its subscriber's; a personalized one resumes from the authentication).
 */
@Stateless
@RolesAllowed("CLERK")
public class CardPersonalizations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MANAGEMENT_ALGORITHM = ManagementKeyAlgorithm.AES_128.name();

    @Inject
    Cards cards;

    @Inject
    CardTickets tickets;

    @Inject
    RaKeys keys;

    @Inject
    CardAttestationAuthority attestationCa;

    @Inject
    SubscriberMailers mailers;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext caller;

    /**
     * @param transportKey the blank card's transport key as the agent's {@code GET /v1/card} shows it
     *                     (SubjectPublicKeyInfo, base64)
     * @param origin the clerk's page origin, one of {@code FINE_RA_ORIGINS}
     */
    public PersonalizationStart begin(String subscriberId, String transportKey, String origin, String clientAddress)
            throws CardRefusedException {
        ECPublicKey transport = p256(transportKey, AuditEvent.CARD_REGISTERED, subscriberId, clientAddress);
        CardView card = cards.registerBlank(subscriberId, clientAddress);
        String guid = card.guid();
        char[] pin = initialPin();
        CardSecrets secrets = secrets();
        byte[] puk = secrets.puk(guid);
        byte[] managementKey = secrets.managementKey(guid);
        try {
            byte[] envelope = PersonalizationSealer.seal(transport, new Personalization(HexFormat.of().parseHex(guid),
                    pin, puk, ManagementKeyAlgorithm.AES_128, managementKey, KeyAlgorithm.EC_P256));
            Map<String, String> parameters = Map.of("guid", guid,
                    "envelope", Base64.getEncoder().encodeToString(envelope),
                    "cardAuthenticationAlgorithm", KeyAlgorithm.EC_P256.name());
            IssuedTicket ticket = tickets.forPersonalization(guid, origin, parameters, clientAddress);
            String reference = "C" + guid.substring(0, 12);
            byte[] mailer = mailers.printCardPin(card.subscriberId(), reference, guid, pin);
            audit.success(actor(clientAddress), AuditEvent.PASSWORD_MAILER_PRINTED, card.subscriberId(),
                    "card PIN mailer " + reference + " for card " + guid);
            return new PersonalizationStart(guid, parameters, ticket, reference, mailer);
        } finally {
            Arrays.fill(pin, '\0');
            Arrays.fill(puk, (byte) 0);
            Arrays.fill(managementKey, (byte) 0);
        }
    }

    /**
     * The agent's answer to {@code personalize}: the GUID it read back from the card must be the
     * sealed one; the card's attestation key gets its certificate from the card-attestation CA.
     *
     * @param cardGuidReadBack the agent's {@code card}
     * @param attestationKey the agent's {@code attestationKey} (SubjectPublicKeyInfo, base64)
     * @param appletVersion the applet version the agent's {@code GET /v1/card} reported
     */
    public PersonalizationFinish finish(String guid, String cardGuidReadBack, String attestationKey,
            String appletVersion, String origin, String clientAddress) throws CardRefusedException {
        if (guid == null || !guid.equalsIgnoreCase(cardGuidReadBack)) {
            CardRefusedException refused = new CardRefusedException(PERSONALIZATION_MISMATCH,
                    "card " + guid + " reads back " + cardGuidReadBack);
            audit.failure(actor(clientAddress), AuditEvent.CARD_PERSONALIZED, "-", refused.getMessage());
            throw refused;
        }
        ECPublicKey key = p256(attestationKey, AuditEvent.CARD_PERSONALIZED, guid, clientAddress);
        CardView card = cards.personalized(guid, appletVersion, clientAddress);
        X509Certificate f9 = attestationCa.certifyAttestationKey(key, card.guid());
        audit.success(actor(clientAddress), AuditEvent.CARD_PERSONALIZED, card.subscriberId(), "card " + card.guid()
                + " attestation key certified, serial " + f9.getSerialNumber().toString(16));
        Map<String, String> parameters = Map.of("algorithm", MANAGEMENT_ALGORITHM);
        IssuedTicket ticket = tickets.forCounter(card.guid(), Operation.ADMIN_AUTHENTICATE.wireName(), origin,
                parameters, clientAddress);
        return new PersonalizationFinish(card.guid(), der(f9), parameters, ticket);
    }

    /**
     * The ticket for the agent's {@code write-certificate} of the card's attestation certificate
     * (slot F9), after the card proved its management key to this clerk; only the RA's certificate
     * for this card's attestation key is written.
     */
    public IssuedTicket attestationCertificateTicket(String guid, byte[] certificate, String origin,
            String clientAddress) throws CardRefusedException {
        try {
            X509Certificate f9 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certificate));
            f9.verify(attestationCa.certificate().getPublicKey());
            if (guid == null || !f9.getSubjectX500Principal().getName().contains(" " + guid.toUpperCase() + ",")) {
                throw new GeneralSecurityException("another card's certificate");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            CardRefusedException refused = new CardRefusedException(NOT_THE_CARDS_CERTIFICATE, "card " + guid);
            audit.failure(actor(clientAddress), AuditEvent.CARD_TICKET_REFUSED, String.valueOf(guid),
                    refused.getMessage());
            throw refused;
        }
        return tickets.forCounter(guid, Operation.WRITE_CERTIFICATE.wireName(), origin,
                Map.of("slot", TicketRules.COUNTER_SLOT, "certificate", Base64.getEncoder().encodeToString(certificate)),
                clientAddress);
    }

    /** The subscriber took the card and the sealed PIN mailer. */
    public CardView handOver(String guid, String clientAddress) throws CardRefusedException {
        return cards.handOver(guid, clientAddress);
    }

    /** 6 to 8 random digits, drawn uniformly. */
    private static char[] initialPin() {
        char[] pin = new char[6 + RANDOM.nextInt(3)];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return pin;
    }

    private ECPublicKey p256(String spki, AuditEvent event, String subject, String clientAddress)
            throws CardRefusedException {
        try {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spki)));
            if (key.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("not P-256");
            }
            PersonalizationSealer.point(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            CardRefusedException refused = new CardRefusedException(BAD_CARD_KEY, "not an EC P-256 key");
            audit.failure(actor(clientAddress), event, subject, refused.getMessage());
            throw refused;
        }
    }

    private CardSecrets secrets() {
        return new CardSecrets(keys.cardMasterKey(CardMasterKey.Purpose.MANAGEMENT_KEY),
                keys.cardMasterKey(CardMasterKey.Purpose.PUK));
    }

    private Actor actor(String clientAddress) {
        return new Actor(caller.getCallerPrincipal().getName(), "CLERK", clientAddress);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
