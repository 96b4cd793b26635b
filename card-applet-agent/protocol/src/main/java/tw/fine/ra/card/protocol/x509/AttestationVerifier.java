package tw.fine.ra.card.protocol.x509;

import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.piv.Tlv;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static tw.fine.ra.card.protocol.x509.AttestationException.Reason;

/**
 * The server's check that a key was generated on a given card: the card's attestation
 * certificate for the key ({@code generate-key}'s {@code attestation}) must chain through the
 * card's F9 certificate ({@code attestationIssuer}) to the RA's card-attestation CA (PKIX, no
 * revocation), certify exactly the key of the request, and name the expected slot and card GUID.
 */
public final class AttestationVerifier {

    /** FINE RA's UUID arc (ITU-T X.667) for the card's attestation extensions. */
    public static final String ARC = "2.25.239636511682251163999901559581088655581";
    /** Extension: the card GUID, OCTET STRING of 16 bytes. */
    public static final String GUID_EXTENSION = ARC + ".1";
    /** Extension: the PIV key reference of the slot, OCTET STRING of 1 byte. */
    public static final String SLOT_EXTENSION = ARC + ".2";

    private final X509Certificate cardAttestationCa;
    private final Clock clock;

    public AttestationVerifier(X509Certificate cardAttestationCa, Clock clock) {
        this.cardAttestationCa = cardAttestationCa;
        this.clock = clock;
    }

    /** What a verified attestation establishes. */
    public record Attested(String cardGuid, Slot slot, PublicKey publicKey, X509Certificate attestationKeyCertificate) {
    }

    /**
     * @param attestation       DER attestation certificate from the card
     * @param attestationIssuer DER F9 certificate from the card
     * @param requestedKey      the public key of the certification request (never the attestation's own)
     * @param slot              the slot the key is requested for
     * @param cardGuid          the registered card's GUID, hex
     */
    public Attested verify(byte[] attestation, byte[] attestationIssuer, PublicKey requestedKey, Slot slot, String cardGuid)
            throws AttestationException {
        X509Certificate attested = parse(attestation);
        X509Certificate issuer = parse(attestationIssuer);
        validateChain(attested, issuer);
        if (!sameKey(attested.getPublicKey(), requestedKey)) {
            throw new AttestationException(Reason.KEY_MISMATCH, "the attested key is not the requested key", null);
        }
        byte[] slotValue = extension(attested, SLOT_EXTENSION);
        if (slotValue.length != 1 || (slotValue[0] & 0xFF) != slot.reference()) {
            throw new AttestationException(Reason.WRONG_SLOT, "attested for another slot than " + slot.id(), null);
        }
        String guid = HexFormat.of().withUpperCase().formatHex(extension(attested, GUID_EXTENSION));
        if (!guid.equalsIgnoreCase(cardGuid)) {
            throw new AttestationException(Reason.WRONG_CARD, "attested by card " + guid, null);
        }
        return new Attested(guid, slot, attested.getPublicKey(), issuer);
    }

    private void validateChain(X509Certificate attested, X509Certificate issuer) throws AttestationException {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(attested, issuer));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(cardAttestationCa, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new AttestationException(Reason.UNTRUSTED, e.getMessage(), e);
        }
    }

    /** Equal keys whatever provider decoded them (a request parser may not be the JDK's). */
    private static boolean sameKey(PublicKey attested, PublicKey requested) {
        if (attested instanceof ECPublicKey a && requested instanceof ECPublicKey r) {
            return a.getW().equals(r.getW()) && a.getParams().getCurve().equals(r.getParams().getCurve());
        }
        if (attested instanceof RSAPublicKey a && requested instanceof RSAPublicKey r) {
            return a.getModulus().equals(r.getModulus()) && a.getPublicExponent().equals(r.getPublicExponent());
        }
        return false;
    }

    /** The value inside the extension's OCTET STRING, itself an OCTET STRING. */
    private static byte[] extension(X509Certificate certificate, String oid) throws AttestationException {
        byte[] value = certificate.getExtensionValue(oid);
        if (value == null) {
            throw new AttestationException(Reason.MALFORMED, "no extension " + oid, null);
        }
        try {
            return Tlv.unwrap(0x04, Tlv.unwrap(0x04, value));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new AttestationException(Reason.MALFORMED, "malformed extension " + oid, e);
        }
    }

    private static X509Certificate parse(byte[] der) throws AttestationException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new AttestationException(Reason.MALFORMED, "not an X.509 certificate", e);
        }
    }
}
