package tw.fine.ra.card.agent.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tw.fine.ra.card.agent.CertificateMaker;
import tw.fine.ra.card.agent.Http;
import tw.fine.ra.card.agent.TestRaServer;
import tw.fine.ra.card.agent.card.CardAccess;
import tw.fine.ra.card.agent.card.PcscTerminals;
import tw.fine.ra.card.agent.core.Agent;
import tw.fine.ra.card.agent.core.CardProof;
import tw.fine.ra.card.agent.http.LocalHttpTransport;
import tw.fine.ra.card.agent.pin.NewPin;
import tw.fine.ra.card.agent.pin.PinPrompt;
import tw.fine.ra.card.agent.pin.PinSource;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.Personalization;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.simulator.SimulatedCard;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The card as the operating system sees it: pcscd + vpcd + our simulated card, then OpenSC,
 * yubico-piv-tool and NSS, tools nobody here wrote, each checked by a second independent tool.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscInteropIT {

    static final String PKCS11 = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
    static final String PIN = "123456";
    static final byte[] MASTER = HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100" + "0f0e0d0c0b0a09080706050403020100");

    static final Path WORK = Path.of("target", "interop");
    static final TestRaServer RA = new TestRaServer();
    static final Map<Slot, PublicKey> publicKeys = new java.util.EnumMap<>(Slot.class);
    static PcscStack stack;
    static byte[] guid = new byte[16];
    static String puk;

    @BeforeAll
    static void plugInAPersonalizedCard() throws Exception {
        Files.createDirectories(WORK);
        // A database left by an earlier run would make certutil -N ask for its password.
        for (Path old : (Iterable<Path>) Files.list(WORK).filter(p -> p.getFileName().toString().startsWith("nssdb"))::iterator) {
            try (java.util.stream.Stream<Path> files = Files.walk(old)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.setProperty("sun.security.smartcardio.library", PcscStack.PCSC_LIBRARY);
        stack = PcscStack.start(new SimulatedCard(), WORK.resolve("pcscd.log"));
        new SecureRandom().nextBytes(guid);
        CardKeyDiversification keys = new CardKeyDiversification(MASTER);
        puk = new String(keys.puk(guid), StandardCharsets.US_ASCII);
        // The RA's personalization station, through the operating system's PC/SC like any real reader.
        CardTerminal reader = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(PcscStack.READER);
        assertTrue(reader.waitForCardPresent(10_000), "the bridged card appears in " + PcscStack.READER);
        Card card = reader.connect("*");
        PivCard piv = new PivCard(card.getBasicChannel());
        piv.select();
        PublicKey cardAuth = piv.personalize(new Personalization(guid, PIN.toCharArray(), keys.puk(guid),
                ManagementKeyAlgorithm.AES_128, keys.managementKey(guid), KeyAlgorithm.EC_P256));
        // the key holder grants what it runs: two keys generated, three certificates written
        piv.authenticate(ManagementKeyAlgorithm.AES_128, keys.managementKey(guid), 5);
        CertificateMaker ca = new CertificateMaker();
        certify(piv, ca, Slot.AUTHENTICATION, piv.generate(Slot.AUTHENTICATION, KeyAlgorithm.RSA_2048), "interop 9A");
        certify(piv, ca, Slot.SIGNATURE, piv.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256), "interop 9C");
        certify(piv, ca, Slot.CARD_AUTHENTICATION, cardAuth, "interop 9E");
        card.disconnect(true);
        Files.write(WORK.resolve("data.txt"), "FINE RA interop message".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void unplug() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void openscRecognisesAPivCard() throws Exception {
        Tool.run("opensc-tool", "-n").succeeded().says("Personal Identity Verification Card");
    }

    @Test
    @Order(2)
    void pkcs11ToolListsTheTokenAndTheKeysWithTheirCertificates() throws Exception {
        Tool.run("pkcs11-tool", "--module", PKCS11, "-L").succeeded().says(PcscStack.READER).says("token label");
        Tool.run("pkcs11-tool", "--module", PKCS11, "-O").succeeded()
                .says("Certificate Object").says("interop 9A").says("interop 9C").says("interop 9E")
                .says("Public Key Object; RSA 2048").says("Public Key Object; EC");
    }

    @Test
    @Order(3)
    void pkcs11ToolSignsWithRsaAndOpensslVerifies() throws Exception {
        Path signature = WORK.resolve("rsa.sig");
        Tool.run("pkcs11-tool", "--module", PKCS11, "--login", "--pin", PIN, "--sign", "--id", "01", "-m", "SHA256-RSA-PKCS",
                "-i", data(), "-o", signature.toString()).succeeded();
        Tool.run("openssl", "dgst", "-sha256", "-verify", pem(Slot.AUTHENTICATION), "-signature", signature.toString(), data())
                .succeeded().says("Verified OK");
    }

    @Test
    @Order(4)
    void pkcs11ToolSignsWithEcdsaOnThePinAlwaysKeyAndOpensslVerifies() throws Exception {
        Path signature = WORK.resolve("ec.sig");
        Tool.run("pkcs11-tool", "--module", PKCS11, "--login", "--pin", PIN, "--sign", "--id", "02", "-m", "ECDSA-SHA256",
                "--signature-format", "openssl", "-i", data(), "-o", signature.toString()).succeeded();
        Tool.run("openssl", "dgst", "-sha256", "-verify", pem(Slot.SIGNATURE), "-signature", signature.toString(), data())
                .succeeded().says("Verified OK");
    }

    @Test
    @Order(5)
    void yubicoPivToolReadsStatusVerifiesAndChangesThePin() throws Exception {
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "status").succeeded()
                .says(HexFormat.of().formatHex(guid)).says("PIN tries left:\t3");
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "verify-pin", "-P", PIN).succeeded()
                .says("Successfully verified PIN");
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "change-pin", "-P", PIN, "-N", "65432100").succeeded();
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "change-pin", "-P", "65432100", "-N", PIN).succeeded();
        // test-signature signs with the 9A key and checks the result against the 9A certificate.
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "verify-pin", "-P", PIN, "-a", "test-signature", "-s", "9a",
                        "-i", WORK.resolve("9A-cert.pem").toString())
                .succeeded().says("Successful");
    }

    @Test
    @Order(6)
    void nssListsTheCardCertificatesThroughOpensc() throws Exception {
        Path db = Files.createTempDirectory(WORK, "nssdb");
        String dir = "sql:" + db.toAbsolutePath();
        Tool.run("certutil", "-N", "-d", dir, "--empty-password").succeeded();
        Tool.run("modutil", "-dbdir", dir, "-add", "OpenSC", "-libfile", PKCS11, "-force").succeeded();
        Tool.run("modutil", "-dbdir", dir, "-list").succeeded().says("token: interop 9A");
        // NSS names card certificates "<token label>:<object label>"; OpenSC labels the token after the 9A certificate.
        Tool.run("certutil", "-L", "-d", dir, "-h", "all").succeeded().says("interop 9A:Certificate for PIV Authentication")
                .says("interop 9A:Certificate for Digital Signature").says("interop 9A:Certificate for Card Authentication");
    }

    @Test
    @Order(7)
    void threeWrongPinsLockTheCardAndThePukUnblocksIt() throws Exception {
        for (int i = 0; i < 2; i++) {
            Tool.run("pkcs11-tool", "--module", PKCS11, "--login", "--pin", "999999", "-O").says("CKR_PIN_INCORRECT");
        }
        Tool.run("pkcs11-tool", "--module", PKCS11, "--login", "--pin", "999999", "-O");
        Tool.run("pkcs11-tool", "--module", PKCS11, "--login", "--pin", PIN, "-O").says("CKR_PIN_LOCKED");
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "unblock-pin", "-P", puk, "-N", PIN).succeeded();
        Tool.run("yubico-piv-tool", "-r", PcscStack.READER, "-a", "verify-pin", "-P", PIN).succeeded();
    }

    @Test
    @Order(8)
    void theAgentBrokersTheCardThroughPcsc() throws Exception {
        try (LocalHttpTransport agent = startAgent()) {
            int port = agent.port();
            Http.Response readers = Http.send(port, "GET", "/v1/readers", Map.of(), null);
            assertTrue(readers.body().contains("{\"name\":\"Virtual PCD 00 00\",\"cardPresent\":true}")
                    || readers.body().contains("\"cardPresent\":true,\"name\":\"Virtual PCD 00 00\""), readers.body());
            String reader = "reader=" + URLEncoder.encode(PcscStack.READER, StandardCharsets.UTF_8);
            assertEquals(HexFormat.of().withUpperCase().formatHex(guid),
                    Http.send(port, "GET", "/v1/card?" + reader, Map.of(), null).json().get("guid"));
            Map<String, String> params = Map.of("slot", "9A", "nonce", "cGNzYw");
            String body = "{\"reader\":\"" + PcscStack.READER + "\",\"params\":{\"slot\":\"9A\",\"nonce\":\"cGNzYw\"},\"ticket\":\""
                    + RA.ticket(Operation.SIGN_CHALLENGE, HexFormat.of().withUpperCase().formatHex(guid), params) + "\"}";
            Http.Response signed = Http.send(port, "POST", "/v1/card/sign-challenge",
                    Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), body);
            assertEquals(200, signed.status(), signed.body());
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKeys.get(Slot.AUTHENTICATION));
            verifier.update(CardProof.message(TestRaServer.ORIGIN, "cGNzYw"));
            assertTrue(verifier.verify(Base64.getDecoder().decode((String) signed.json().get("signature"))));
        }
    }

    @Test
    @Order(9)
    void aStoppedPcscServiceIsAClearErrorNotAHangAndARestartedOneIsUsedAgain() throws Exception {
        try (LocalHttpTransport agent = startAgent()) {
            int port = agent.port();
            assertEquals(200, Http.send(port, "GET", "/v1/readers", Map.of(), null).status());
            stack.stopService();
            long start = System.nanoTime();
            Http.Response down = Http.send(port, "GET", "/v1/readers", Map.of(), null);
            assertEquals("PCSC_UNAVAILABLE", down.error(), down.body());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "answered at once");
            assertEquals(Boolean.FALSE, ((Map<?, ?>) Http.send(port, "GET", "/v1/status", Map.of(), null).json().get("pcsc"))
                    .get("available"));
            stack.startService();
            long deadline = System.nanoTime() + 10_000_000_000L;
            Http.Response back;
            do {
                Thread.sleep(200);
                back = Http.send(port, "GET", "/v1/readers", Map.of(), null);
            } while (!back.body().contains("\"cardPresent\":true") && System.nanoTime() < deadline);
            assertEquals(200, back.status(), back.body());
            assertTrue(back.body().contains("\"cardPresent\":true"), back.body());
        }
    }

    @Test
    @Order(10)
    void theSimulatedAgentCanPutItsCardIntoTheSecondVirtualReader() throws Exception {
        Path key = WORK.resolve("ticket-key.pem");
        Files.writeString(key, tw.fine.ra.card.protocol.ticket.TicketKeys.toPem(RA.publicKey()));
        Process jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("agent.jar"), "--simulated", "--vpcd", "127.0.0.1:35964", "--port", "0",
                "--origin", TestRaServer.ORIGIN, "--development", "--ticket-key", key.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(jar.getInputStream(),
                    StandardCharsets.UTF_8));
            String guidLine = out.readLine();
            while (guidLine != null && !guidLine.matches(".*GUID [0-9A-F]{32}.*")) {
                guidLine = out.readLine();
            }
            String listening = out.readLine();
            while (listening != null && !listening.contains("http://127.0.0.1:")) {
                listening = out.readLine();
            }
            assertTrue(guidLine != null && listening != null, "agent output ended early");
            int port = Integer.parseInt(listening.replaceAll(".*http://127\\.0\\.0\\.1:(\\d+).*", "$1"));
            String reader = "reader=" + URLEncoder.encode("Virtual PCD 00 01", StandardCharsets.UTF_8);
            Http.Response card = Http.send(port, "GET", "/v1/card?" + reader, Map.of(), null);
            for (int i = 0; i < 50 && !card.body().contains("guid"); i++) {
                Thread.sleep(100);
                card = Http.send(port, "GET", "/v1/card?" + reader, Map.of(), null);
            }
            assertEquals(guidLine.replaceAll(".*GUID ([0-9A-F]{32}).*", "$1"), card.json().get("guid"), card.body());
            Tool.run("opensc-tool", "-r", "1", "-n").succeeded().says("Personal Identity Verification Card");
        } finally {
            jar.destroy();
            jar.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The product's agent in real-reader mode; only the PIN source is the test's (the holder types 123456). */
    private static LocalHttpTransport startAgent() throws Exception {
        PinSource holder = new PinSource() {
            @Override
            public char[] currentPin(PinPrompt prompt) {
                return PIN.toCharArray();
            }

            @Override
            public NewPin newPin(PinPrompt prompt, boolean askCurrent) {
                throw new AssertionError("not asked in this test");
            }
        };
        Agent agent = new Agent(Set.of(TestRaServer.ORIGIN), new CardAccess(new PcscTerminals(), Duration.ofSeconds(20)),
                holder, new TicketVerifier(RA.publicKey(), Clock.systemUTC(), new ReplayGuard(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))), false, Map.of(),
                Clock.systemUTC());
        return LocalHttpTransport.start(agent, 0);
    }

    private static void certify(PivCard piv, CertificateMaker ca, Slot slot, PublicKey key, String name) throws Exception {
        byte[] certificate = ca.certify(key, name).getEncoded();
        piv.writeCertificate(slot, certificate);
        Files.writeString(WORK.resolve(slot.id() + "-cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate) + "\n-----END CERTIFICATE-----\n");
        publicKeys.put(slot, key);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(WORK.resolve(slot.id() + ".pem"), pem);
    }

    private static String pem(Slot slot) {
        return WORK.resolve(slot.id() + ".pem").toString();
    }

    private static String data() {
        return WORK.resolve("data.txt").toString();
    }
}
