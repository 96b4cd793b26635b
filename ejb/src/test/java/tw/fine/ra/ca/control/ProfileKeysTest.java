package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RequestRejectedException.Reason;

/** Which keys each certificate of the pair may certify, and the key usage each gets (RFC 5480 for EC). */
class ProfileKeysTest {

    @Test
    void anEncryptionKeyIsEcP256OrRsa2048() {
        assertDoesNotThrow(() -> CertificateProfile.ENCRYPTION.checkKey(Csrs.ec("secp256r1").getPublic()));
        assertDoesNotThrow(() -> CertificateProfile.ENCRYPTION.checkKey(Csrs.rsa(2048).getPublic()));
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> CertificateProfile.ENCRYPTION.checkKey(Csrs.rsa(3072).getPublic()));
        assertEquals(Reason.KEY_UNFIT_FOR_USAGE, e.reason());
        assertThrows(RequestRejectedException.class,
                () -> CertificateProfile.ENCRYPTION.checkKey(Csrs.ec("secp384r1").getPublic()));
    }

    @Test
    void anEcEncryptionKeyGetsKeyAgreementOnlyAsRfc5480Requires() {
        int bits = CertificateProfile.ENCRYPTION.keyUsage(Csrs.ec("secp256r1").getPublic());

        assertEquals(KeyUsage.keyAgreement, bits);
        assertEquals(0, bits & (KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
    }

    @Test
    void anRsaEncryptionKeyKeepsKeyAndDataEncipherment() {
        assertEquals(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment,
                CertificateProfile.ENCRYPTION.keyUsage(Csrs.rsa(2048).getPublic()));
    }

    @Test
    void aSigningKeyGetsDigitalSignatureAndNonRepudiationWhateverItsAlgorithm() {
        int both = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        assertEquals(both, CertificateProfile.SIGNING.keyUsage(Csrs.ec("secp256r1").getPublic()));
        assertEquals(both, CertificateProfile.SIGNING.keyUsage(Csrs.rsa(2048).getPublic()));
    }

    @Test
    void aSigningKeyIsEcP256OrRsa2048() {
        assertDoesNotThrow(() -> CertificateProfile.SIGNING.checkKey(Csrs.ec("secp256r1").getPublic()));
        assertDoesNotThrow(() -> CertificateProfile.SIGNING.checkKey(Csrs.rsa(2048).getPublic()));
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> CertificateProfile.SIGNING.checkKey(Csrs.ec("secp384r1").getPublic()));
        assertEquals(Reason.KEY_UNFIT_FOR_USAGE, e.reason());
    }

}
