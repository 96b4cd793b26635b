package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RequestRejectedException.Reason;

/** Which keys each certificate of the pair may certify (RFC 5480 for the encryption certificate). */
class ProfileKeysTest {

    @Test
    void anEcKeyCannotCarryAnEncryptionCertificatesKeyUsage() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> CertificateProfile.ENCRYPTION.checkKey(Csrs.ec("secp256r1").getPublic()));
        assertEquals(Reason.KEY_UNFIT_FOR_USAGE, e.reason());
        assertTrue(e.getMessage().contains("RFC 5480"), e.getMessage());
    }

    @Test
    void anEncryptionKeyIsRsa2048Only() {
        assertDoesNotThrow(() -> CertificateProfile.ENCRYPTION.checkKey(Csrs.rsa(2048).getPublic()));
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> CertificateProfile.ENCRYPTION.checkKey(Csrs.rsa(3072).getPublic()));
        assertEquals(Reason.KEY_UNFIT_FOR_USAGE, e.reason());
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
