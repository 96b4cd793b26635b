package tw.fine.ra.certificate.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.certificate.entity.CertificateFile;
import tw.fine.ra.certificate.entity.CertificateFormat;

class CertificateFilesTest {

    private final CertificateFiles files = new CertificateFiles();
    private final byte[] der = new byte[100];

    @Test
    void derIsSavedAsCerWithThePkixMediaTypeAndANameThatTellsThePairApart() {
        der[0] = 0x30;
        CertificateFile file = files.certificate("70759028-00-0007", CertificateUsage.ENCRYPTION,
                new BigInteger("00ab12", 16), der, CertificateFormat.DER);
        assertEquals("70759028-00-0007-encryption-ab12.cer", file.fileName());
        assertEquals("application/pkix-cert", file.contentType());
        assertArrayEquals(der, file.content());
    }

    @Test
    void pemCarriesTheSameDerIn64ColumnBase64() {
        byte[] der = new byte[120];
        CertificateFile file = files.certificate("70759028-00-0007", CertificateUsage.SIGNING, BigInteger.TEN, der,
                CertificateFormat.PEM);
        String text = new String(file.content(), StandardCharsets.US_ASCII);
        assertEquals("70759028-00-0007-signing-a.pem", file.fileName());
        assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n") && text.endsWith("-----END CERTIFICATE-----\n"));
        String body = text.replaceAll("-----[A-Z ]+-----", "").strip();
        assertEquals(64, body.lines().findFirst().orElseThrow().length());
        assertArrayEquals(der, Base64.getMimeDecoder().decode(body));
    }

    @Test
    void theChainIsOnePemBundleInTheGivenOrder() {
        CertificateFile file = files.chain(List.of(new byte[] {1}, new byte[] {2}));
        String text = new String(file.content(), StandardCharsets.US_ASCII);
        assertEquals("fine-ca-chain.pem", file.fileName());
        assertEquals(2, text.split("BEGIN CERTIFICATE").length - 1);
        assertTrue(text.indexOf("AQ==") < text.indexOf("Ag=="));
    }
}
