package tw.fine.ra.ca.control;

import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The two certificates of a subscriber's pair; the key usage is fixed, the EKUs are configured. */
public enum CertificateProfile {
    SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
    ENCRYPTION(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);

    private final int keyUsage;

    CertificateProfile(int keyUsage) {
        this.keyUsage = keyUsage;
    }

    int keyUsage() {
        return keyUsage;
    }

    List<String> extendedKeyUsages(CaSettings settings) {
        return this == SIGNING ? settings.signingExtendedKeyUsages() : settings.encryptionExtendedKeyUsages();
    }
}
