package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.AccountsProbe;
import tw.fine.ra.it.support.Browser;
import tw.fine.ra.it.support.BusinessNumbers;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.LocalAgent;
import tw.fine.ra.it.support.Pcscd;

/**
 * The certificate application over the operating system's smart card stack: pcscd with vpcd, the
 * real agent jar putting its simulated card into the vpcd reader ({@code --vpcd}) and reaching it
 * by PC/SC like a physical card; the clerk personalizes it at the station and the subscriber
 * applies through the real page. Then tools nobody here wrote judge the card: OpenSC's
 * {@code pkcs11-tool} finds both issued certificates and signs with the 9C key (PIV object ID 02),
 * OpenSSL accepts that signature with the issued signing certificate's key and accepts both
 * certificates against the CRL the server publishes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PcscApplicationIT {

    static final String PKCS11 = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(AccountsProbe.class);
    }

    private final Http http = new Http();

    @Test
    void theCardAppliedForThroughThePageSignsThroughOpenscAndOpensslAcceptsItsCertificatesWithTheCrl() throws Exception {
        String subscriber = AccountsProbe.create(http, "subscriberOf=" + BusinessNumbers.random());
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pcsc-application");
        Path pinFile = dir.resolve("pin");
        try (Pcscd pcscd = Pcscd.start(dir.resolve("pcscd.log"));
                LocalAgent agent = LocalAgent.start("--simulated-blank", "--allow-personalization",
                        "--scripted-pin-file", pinFile.toString(), "--vpcd", Pcscd.VPCD_SLOT)) {
            String readers = agent.get("/v1/readers");
            assertEquals(1, readers.split("\"name\"").length - 1, "the agent uses its own vpcd reader only: " + readers);
            assertTrue(readers.contains(Pcscd.READER), readers);
            String pin = CardStation.personalizeAsNewClerk(http, subscriber);
            Files.writeString(pinFile, pin);
            Applicant.Pair pair;
            try (Browser browser = Applicant.signIn(subscriber)) {
                Applicant.apply(browser, agent);
                pair = Applicant.saveBothAndVerify(browser, subscriber, dir);
            }
            Files.writeString(dir.resolve("signing.pem"), Applicant.pem(pair.signing().getEncoded()));
            Files.writeString(dir.resolve("encryption.pem"), Applicant.pem(pair.encryption().getEncoded()));

            pkcs11ToolListsBothCertificatesAsTheyWereIssued(subscriber, pair, dir, pcscd);
            pkcs11ToolSignsWithThe9cKeyAndOpensslVerifiesWithTheSigningCertificate(pin, pair.signing(), dir);
            opensslAcceptsBothCertificatesWithThePublishedCrl(dir);
        }
    }

    /** OpenSC maps PIV 9C to object ID 02 and 9D to 03; the bytes on the card are the issued ones. */
    private static void pkcs11ToolListsBothCertificatesAsTheyWereIssued(String subscriber, Applicant.Pair pair, Path dir,
            Pcscd pcscd) throws Exception {
        CaFixtures.Result listing = pkcs11Tool(dir, "-O");
        assertEquals(0, listing.exitCode(), listing.output() + "\n" + pcscd.log());
        String signing = object(listing.output(), "Certificate Object", "02");
        String encryption = object(listing.output(), "Certificate Object", "03");
        assertTrue(signing.contains("Certificate for Digital Signature") && signing.contains("CN=" + subscriber), signing);
        assertTrue(encryption.contains("Certificate for Key Management") && encryption.contains("CN=" + subscriber),
                encryption);
        object(listing.output(), "Public Key Object; EC", "02");
        object(listing.output(), "Public Key Object; RSA 2048", "03");

        assertEquals(0, pkcs11Tool(dir, "--read-object", "--type", "cert", "--id", "02", "-o", "9C.der").exitCode());
        assertEquals(0, pkcs11Tool(dir, "--read-object", "--type", "cert", "--id", "03", "-o", "9D.der").exitCode());
        assertArrayEquals(pair.signing().getEncoded(), Files.readAllBytes(dir.resolve("9C.der")));
        assertArrayEquals(pair.encryption().getEncoded(), Files.readAllBytes(dir.resolve("9D.der")));
    }

    private static void pkcs11ToolSignsWithThe9cKeyAndOpensslVerifiesWithTheSigningCertificate(String pin,
            X509Certificate signing, Path dir) throws Exception {
        assertEquals("EC", signing.getPublicKey().getAlgorithm(), "9C holds an EC P-256 key");
        Files.writeString(dir.resolve("data.txt"), "FINE RA: signed by the card over PC/SC");
        CaFixtures.Result sign = pkcs11Tool(dir, "--login", "--pin", pin, "--sign", "--id", "02", "-m", "ECDSA-SHA256",
                "--signature-format", "openssl", "-i", "data.txt", "-o", "data.sig");
        assertEquals(0, sign.exitCode(), sign.output());
        assertEquals(0, CaFixtures.openssl(dir, "x509", "-in", "signing.pem", "-pubkey", "-noout", "-out",
                "signing-key.pem").exitCode());
        CaFixtures.Result verified = CaFixtures.openssl(dir, "dgst", "-sha256", "-verify", "signing-key.pem",
                "-signature", "data.sig", "data.txt");
        assertTrue(verified.exitCode() == 0 && verified.output().contains("Verified OK"), verified.output());

        Files.writeString(dir.resolve("other.txt"), "FINE RA: not what the card signed");
        CaFixtures.Result other = CaFixtures.openssl(dir, "dgst", "-sha256", "-verify", "signing-key.pem",
                "-signature", "data.sig", "other.txt");
        assertTrue(other.exitCode() != 0 && other.output().contains("Verification failure"), other.output());
    }

    /**
     * The CRL at the certificates' distribution point, fetched by its path from this test server
     * (the CDP names the configured public URL, not the test ports). {@code -crl_check} checks the
     * end-entity certificates; {@code -crl_check_all} would also need a CRL of the root (issue 9).
     */
    private static void opensslAcceptsBothCertificatesWithThePublishedCrl(Path dir) throws Exception {
        CaFixtures.Result text = CaFixtures.openssl(dir, "x509", "-in", "signing.pem", "-noout", "-text");
        Matcher cdp = Pattern.compile("URI:https?://[^/\\s]+(/pki/crl/\\S+\\.crl)").matcher(text.output());
        assertTrue(cdp.find(), text.output());
        HttpResponse<byte[]> crl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Http.http(
                cdp.group(1)))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, crl.statusCode(), cdp.group(1));
        CaFixtures.pem(dir.resolve("crl.pem"), "X509 CRL", crl.body());
        for (String certificate : new String[] {"signing.pem", "encryption.pem"}) {
            CaFixtures.Result verify = CaFixtures.openssl(dir, "verify", "-crl_check", "-CAfile", "chain.pem",
                    "-CRLfile", "crl.pem", certificate);
            assertTrue(verify.exitCode() == 0 && verify.output().contains(certificate + ": OK"), verify.output());
        }
    }

    private static CaFixtures.Result pkcs11Tool(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "pkcs11-tool";
        command[1] = "--module";
        command[2] = PKCS11;
        System.arraycopy(args, 0, command, 3, args.length);
        return CaFixtures.tool(dir, command);
    }

    /** The block of {@code pkcs11-tool -O} for the object of this type and PKCS#11 ID. */
    private static String object(String listing, String type, String id) {
        return Arrays.stream(listing.split("\n(?=\\S)")).filter(block -> block.startsWith(type)
                && Pattern.compile("(?m)^\\s+ID:\\s+" + id + "$").matcher(block).find()).findFirst()
                .orElseThrow(() -> new AssertionError(type + " with ID " + id + " not in:\n" + listing));
    }
}
