package tw.fine.ra.card.agent;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.TicketKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        Process agent = start(tampered);
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "must stop by itself");
        String errors = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(65, agent.exitValue(), errors);
        assertTrue(errors.contains("簽章無效") || errors.contains("signature is invalid"), errors);
    }

    private Process start(Path jar) throws IOException {
        return start(jar, "--simulated");
    }

    private Process start(Path jar, String... card) throws IOException {
        Path key = Files.createTempFile("ticket-key", ".pem");
        Files.writeString(key, TicketKeys.toPem(ra.publicKey()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(card));
        command.addAll(List.of("--scripted-pin", "123456", "--port", "0", "--origin", TestRaServer.ORIGIN,
                "--ticket-key", key.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
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
