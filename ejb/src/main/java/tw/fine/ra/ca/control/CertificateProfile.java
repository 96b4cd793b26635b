package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.KEY_UNFIT_FOR_USAGE;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * The two certificates of a subscriber's pair; the key usage follows from the profile and the key,
 * the EKUs are configured. Each profile also fixes the keys it certifies, the ones a card
 * generates: EC P-256 or RSA-2048. An RSA encryption key gets keyEncipherment and
 * dataEncipherment; an EC encryption key gets keyAgreement only, because RFC 5480 §3 forbids
 * keyEncipherment and dataEncipherment for EC keys (docs/adr/0005).
 */
public enum CertificateProfile {
    SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
    ENCRYPTION(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment, KeyUsage.keyAgreement);

    static final int RSA_BITS = 2048;

    private final int rsaKeyUsage;
    private final int ecKeyUsage;

    CertificateProfile(int rsaKeyUsage, int ecKeyUsage) {
        this.rsaKeyUsage = rsaKeyUsage;
        this.ecKeyUsage = ecKeyUsage;
    }

    public static CertificateProfile of(CertificateUsage usage) {
        return usage == CertificateUsage.SIGNING ? SIGNING : ENCRYPTION;
    }

    /** Refuses a key this certificate's key usage does not fit, with {@code KEY_UNFIT_FOR_USAGE}. */
    public void checkKey(PublicKey key) throws RequestRejectedException {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() != RSA_BITS) {
                throw unfit("RSA-" + rsa.getModulus().bitLength() + " (RSA-2048 only)");
            }
            return;
        }
        ASN1Encodable curve = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (!X9ObjectIdentifiers.prime256v1.equals(curve)) {
            throw unfit("EC curve " + curve + " (P-256 only)");
        }
    }

    private RequestRejectedException unfit(String detail) {
        return new RequestRejectedException(KEY_UNFIT_FOR_USAGE, name().toLowerCase() + " certificate: " + detail);
    }

    /** The key usage bits for a key {@link #checkKey} accepted: RFC 5480 §3 decides them for EC keys. */
    int keyUsage(PublicKey key) {
        return KeyAlgorithm.of(key).isEc() ? ecKeyUsage : rsaKeyUsage;
    }

    List<String> extendedKeyUsages(CaSettings settings) {
        return this == SIGNING ? settings.signingExtendedKeyUsages() : settings.encryptionExtendedKeyUsages();
    }
}
