package tw.fine.ra.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real signed card agent jar (card-applet-agent/agent, built before this module), started by a
 * test on {@code it.agent.port} (the port the test server's pages point at), trusting this test
 * server's origin and pinning the ticket key the server serves at {@code /pki/ticket-key.pem}: a
 * development build, which takes that key from the command line only with {@code --development}.
 */
public final class LocalAgent implements AutoCloseable {

    public static final int PORT = Integer.getInteger("it.agent.port", 31620);
    public static final String URL = "http://127.0.0.1:" + PORT;

    private final Process process;
    private final Path log;

    private LocalAgent(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The signed agent jar the build made. */
    public static final File JAR = new File("../card-applet-agent/agent/target/fine-ra-card-agent.jar");

    /** Starts the agent with these options (e.g. {@code --simulated-blank}) and waits until it answers. */
    public static LocalAgent start(String... options) throws Exception {
        assertTrue(JAR.isFile(), "build the agent first: " + JAR.getAbsolutePath());
        return start(JAR, options);
    }

    /** Starts the agent from {@code jar} (e.g. a tampered copy). */
    public static LocalAgent start(File jar, String... options) throws Exception {
        // an agent left over from another run would answer in this one's place, with another ticket key
        try (ServerSocket free = new ServerSocket(PORT, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(free.isBound());
        } catch (IOException busy) {
            throw new IllegalStateException("port " + PORT + " is taken (an agent left over from another run?)", busy);
        }
        Path key = Files.createTempFile("ticket-key", ".pem");
        Files.writeString(key, fetch("http://localhost:" + Http.HTTP_PORT + "/pki/ticket-key.pem"));
        Path log = Files.createTempFile("agent", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.getPath(), "--origin", Http.https("").replaceAll("/$", ""),
                "--development", "--ticket-key", key.toString(), "--port", String.valueOf(PORT)));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalAgent agent = new LocalAgent(process, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                agent.get("/v1/status");
                return agent;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        agent.close();
        throw new AssertionError("agent did not start: " + agent.log());
    }

    /** The body of a GET on the agent, e.g. {@code /v1/card}. */
    public String get(String path) throws IOException, InterruptedException {
        return fetch(URL + path);
    }

    /**
     * Waits until a reader holds a card as the agent sees it: PC/SC notices an inserted card only
     * on its next poll of the reader, and a holder clicks "retry" after that.
     */
    public void awaitCardInAReader(Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!get("/v1/readers").replace(" ", "").contains("\"cardPresent\":true")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no card in a reader after " + wait + ": " + get("/v1/readers"));
            }
            Thread.sleep(100);
        }
    }

    /** What the agent printed so far (for failure messages). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private static String fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
