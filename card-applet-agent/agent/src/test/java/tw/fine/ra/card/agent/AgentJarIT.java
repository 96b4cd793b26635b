package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.TicketKeys;

import jdk.security.jarsigner.JarSigner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built, signed jar as a user runs it: {@code java -jar fine-ra-card-agent.jar --simulated}. */
class AgentJarIT {

    private static final Path JAR = Path.of(System.getProperty("agent.jar", "target/fine-ra-card-agent.jar"));
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern GUID = Pattern.compile("GUID ([0-9A-F]{32})");

    private final TestRaServer ra = new TestRaServer();

    @Test
    void theSignedJarInSimulatedModeServesTheEndpointsAndVouchesForItself() throws Exception {
        Process agent = start(JAR);
        try {
            List<String> output = new ArrayList<>();
            int port = Integer.parseInt(await(agent, LISTENING, output));
            String guid = output.stream().map(GUID::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
            Map<String, Object> status = Http.send(port, "GET", "/v1/status", Map.of(), null).json();
            Map<?, ?> signature = (Map<?, ?>) status.get("signature");
            assertEquals("SIGNED", signature.get("state"), status.toString());
            assertTrue(String.valueOf(signature.get("signer")).contains("CN=FINE RA development code signing"));
            assertEquals("0.1.0-SNAPSHOT", status.get("version"));
            assertEquals(guid, Http.send(port, "GET", "/v1/card", Map.of(), null).json().get("guid"));
            Map<String, String> params = Map.of("slot", "9E", "nonce", "aXQ");
            String body = "{\"params\":{\"slot\":\"9E\",\"nonce\":\"aXQ\"},\"ticket\":\""
                    + ra.ticket(Operation.SIGN_CHALLENGE, guid, params) + "\"}";
            Http.Response signed = Http.send(port, "POST", "/v1/card/sign-challenge",
                    Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), body);
            assertEquals(200, signed.status(), signed.body());
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withABlankSimulatedCardTheJarIsAStationThatPersonalizesFromASealedEnvelope() throws Exception {
        Process agent = start(JAR, "--simulated-blank", "--allow-personalization");
        try {
            int port = Integer.parseInt(await(agent, LISTENING, new ArrayList<>()));
            Map<String, Object> card = Http.send(port, "GET", "/v1/card", Map.of(), null).json();
            assertEquals(false, card.get("personalized"));
            String guid = "0123456789ABCDEF0123456789ABCDEF";
            Map<String, String> params = ra.sealedPersonalization(guid, (String) card.get("transportKey"), "123456");
            String body = "{\"params\":" + com.nimbusds.jose.util.JSONObjectUtils.toJSONString(new java.util.HashMap<>(params))
                    + ",\"ticket\":\"" + ra.ticket(Operation.PERSONALIZE, guid, params) + "\"}";
            Http.Response personalized = Http.send(port, "POST", "/v1/card/personalize",
                    Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), body);
            assertEquals(200, personalized.status(), personalized.body());
            assertEquals(guid, Http.send(port, "GET", "/v1/card", Map.of(), null).json().get("guid"));
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTamperedJarRefusesToStart() throws Exception {
        Path tampered = Files.createTempFile("tampered-agent", ".jar");
        rewriteOneResource(JAR, tampered, "tw/fine/ra/card/agent/messages_en.properties");
        String errors = exitMessage(start(tampered), 65);
        assertTrue(errors.contains("簽章無效") || errors.contains("signature is invalid"), errors);
    }

    @Test
    void aProductionJarTrustsTheTicketKeyUnderItsSignatureAndNoOther() throws Exception {
        Path production = Files.createTempFile("production-agent", ".jar");
        signedWithPinnedKey(JAR, production, TicketKeys.toPem(ra.publicKey()));
        Process agent = launch(production, "--simulated", "--scripted-pin", "123456", "--port", "0", "--origin",
                TestRaServer.ORIGIN);
        try {
            List<String> output = new ArrayList<>();
            int port = Integer.parseInt(await(agent, LISTENING, output));
            Map<String, Object> status = Http.send(port, "GET", "/v1/status", Map.of(), null).json();
            assertEquals("SIGNED", ((Map<?, ?>) status.get("signature")).get("state"), status.toString());
            assertEquals(false, status.get("development"));
            assertEquals(TicketKeys.fingerprint(ra.publicKey()), status.get("ticketKeySha256"));
            String guid = output.stream().map(GUID::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
            Map<String, String> params = Map.of("slot", "9E", "nonce", "aXQ");
            String body = "{\"params\":{\"slot\":\"9E\",\"nonce\":\"aXQ\"},\"ticket\":\""
                    + ra.ticket(Operation.SIGN_CHALLENGE, guid, params) + "\"}";
            assertEquals(200, Http.send(port, "POST", "/v1/card/sign-challenge",
                    Map.of("Origin", TestRaServer.ORIGIN, "Content-Type", "application/json"), body).status());
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
        String refused = exitMessage(start(production), 64);
        assertTrue(refused.contains("accepts no other") || refused.contains("不接受其他金鑰"), refused);
    }

    @Test
    void aDevelopmentJarRunsOnlyInDevelopmentMode() throws Exception {
        Path key = Files.createTempFile("ticket-key", ".pem");
        Files.writeString(key, TicketKeys.toPem(ra.publicKey()));
        String refused = exitMessage(launch(JAR, "--simulated", "--port", "0", "--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString()), 64);
        assertTrue(refused.contains("--development --ticket-key"), refused);
    }

    private Process start(Path jar) throws IOException {
        return start(jar, "--simulated");
    }

    /** A development jar as the tests and the dev runner start it: {@code --development --ticket-key}. */
    private Process start(Path jar, String... card) throws IOException {
        Path key = Files.createTempFile("ticket-key", ".pem");
        Files.writeString(key, TicketKeys.toPem(ra.publicKey()));
        List<String> options = new ArrayList<>(List.of(card));
        options.addAll(List.of("--scripted-pin", "123456", "--port", "0", "--origin", TestRaServer.ORIGIN,
                "--development", "--ticket-key", key.toString()));
        return launch(jar, options.toArray(String[]::new));
    }

    private static Process launch(Path jar, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** What an agent that must stop by itself printed, once it stopped with {@code exitCode}. */
    private static String exitMessage(Process agent, int exitCode) throws Exception {
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "must stop by itself");
        String output = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(exitCode, agent.exitValue(), output);
        return output;
    }

    private static String await(Process process, Pattern pattern, List<String> output) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            output.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("agent ended without listening: " + output);
    }

    /**
     * What the production build makes ({@code -Dagent.ticketKey}): the jar with the RA's ticket key
     * as {@code tw/fine/ra/card/agent/ticket-key.pem}, signed with the build's code-signing key.
     */
    private static void signedWithPinnedKey(Path from, Path to, String pem) throws Exception {
        Path unsigned = Files.createTempFile("unsigned-agent", ".jar");
        try (JarFile in = new JarFile(from.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(unsigned), mainAttributesOnly(in))) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().equals(JarFile.MANIFEST_NAME) && !entry.getName().matches("META-INF/[^/]+\\.(SF|EC|RSA|DSA)")) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("tw/fine/ra/card/agent/ticket-key.pem"));
            out.write(pem.getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        char[] password = System.getProperty("agent.storepass").toCharArray();
        KeyStore store = KeyStore.getInstance(System.getProperty("agent.storetype"));
        try (InputStream file = Files.newInputStream(Path.of(System.getProperty("agent.keystore")))) {
            store.load(file, password);
        }
        String alias = System.getProperty("agent.alias");
        JarSigner signer = new JarSigner.Builder((PrivateKey) store.getKey(alias, password),
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(store.getCertificateChain(alias)))).build();
        try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(to)) {
            signer.sign(in, out);
        }
    }

    private static Manifest mainAttributesOnly(JarFile jar) throws IOException {
        Manifest manifest = new Manifest(jar.getManifest());
        manifest.getEntries().clear();
        return manifest;
    }

    /** Copies the jar, changing one signed resource: what malware patching the agent would do. */
    private static void rewriteOneResource(Path from, Path to, String name) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    content = (new String(content, StandardCharsets.UTF_8) + "\nerror.BAD_REQUEST=pwned\n").getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
