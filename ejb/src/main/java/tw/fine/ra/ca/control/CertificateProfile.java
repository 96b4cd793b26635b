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
 * The two certificates of a subscriber's pair; the key usage is fixed, the EKUs are configured.
 * Each profile also fixes the keys it certifies, the ones a card generates: a signing key is
 * EC P-256 or RSA-2048; an encryption key is RSA-2048 only, because keyEncipherment and
 * dataEncipherment are defined for RSA keys, while an EC key could only carry keyAgreement
 * (RFC 5480 §3), which this profile does not issue.
 */
public enum CertificateProfile {
    SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, true),
    ENCRYPTION(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment, false);

    static final int RSA_BITS = 2048;

    private final int keyUsage;
    private final boolean ecAllowed;

    CertificateProfile(int keyUsage, boolean ecAllowed) {
        this.keyUsage = keyUsage;
        this.ecAllowed = ecAllowed;
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
        if (!ecAllowed) {
            throw unfit(key.getAlgorithm() + " key: keyEncipherment and dataEncipherment need RSA-2048 (RFC 5480)");
        }
        ASN1Encodable curve = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (!X9ObjectIdentifiers.prime256v1.equals(curve)) {
            throw unfit("EC curve " + curve + " (P-256 only)");
        }
    }

    private RequestRejectedException unfit(String detail) {
        return new RequestRejectedException(KEY_UNFIT_FOR_USAGE, name().toLowerCase() + " certificate: " + detail);
    }

    int keyUsage() {
        return keyUsage;
    }

    List<String> extendedKeyUsages(CaSettings settings) {
        return this == SIGNING ? settings.signingExtendedKeyUsages() : settings.encryptionExtendedKeyUsages();
    }
}
