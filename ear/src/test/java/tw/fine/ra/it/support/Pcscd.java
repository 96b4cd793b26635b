package tw.fine.ra.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operating system's PC/SC service for one test: pcscd with vsmartcard's vpcd driver (Debian
 * packages {@code pcscd}, {@code vsmartcard-vpcd}), started as this JVM's child and stopped by its
 * handle on {@link #close()} (also at JVM exit), so a failing test never leaves it running. Only one
 * pcscd can run on a computer: if another one runs, the test fails at once and names it, and that
 * one is left alone. A card plugged into {@link #VPCD_SLOT} (the agent's {@code --vpcd}) appears in
 * reader {@link #READER}.
 */
public final class Pcscd implements AutoCloseable {

    public static final String VPCD_SLOT = "127.0.0.1:35963";
    public static final String READER = "Virtual PCD 00 00";
    private static final String PCSCD = "/usr/sbin/pcscd";
    /** Where {@link #startBehindRelay} has vpcd listen: vpcd's usual first slot is 35963 (0x8C7B), its second the next port. */
    static final int RELAYED_PORT = 0x8C7D;
    public static final String RELAYED_VPCD_SLOT = "127.0.0.1:" + RELAYED_PORT;
    private static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static final String VPCD_CONFIG = "/etc/reader.conf.d/vpcd";
    /** A line of /proc/net/tcp(6): local port 35963 (hex 8C7B), state 0A = LISTEN. */
    private static final Pattern VPCD_LISTENING = Pattern.compile(":8C7B [0-9A-F]+:0000 0A ");
    private static final Pattern RELAYED_LISTENING = Pattern.compile(":8C7D [0-9A-F]+:0000 0A ");

    private final Process process;
    private final Path log;
    private final Thread stopAtExit;

    private Pcscd(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopAtExit = new Thread(process::destroy, "stop-pcscd");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts pcscd in the foreground (its log into {@code log}) and waits until vpcd listens for a card. */
    public static Pcscd start(Path log) throws Exception {
        return start(log, List.of(), VPCD_LISTENING);
    }

    /**
     * pcscd whose vpcd reader {@link #READER} listens on {@link #RELAYED_VPCD_SLOT} instead, so that a
     * {@link VpcdRelay} can take the card's usual slot {@link #VPCD_SLOT} and pass it on (the
     * configuration goes into {@code dir}).
     */
    public static Pcscd startBehindRelay(Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("reader.conf.d"));
        Files.writeString(config.resolve("vpcd"), Files.readString(Path.of(VPCD_CONFIG))
                .replace("0x8C7B", "0x" + Integer.toHexString(RELAYED_PORT).toUpperCase()));
        return start(dir.resolve("pcscd.log"), List.of("--config", config.toAbsolutePath().toString()),
                RELAYED_LISTENING);
    }

    private static Pcscd start(Path log, List<String> options, Pattern listening) throws Exception {
        for (String file : List.of(PCSCD, VPCD_DRIVER, VPCD_CONFIG)) {
            if (!Files.exists(Path.of(file))) {
                fail(file + " is missing: install the packages of .ci/packages.txt (wildfly-config/prerequisites.sh)");
            }
        }
        Optional<ProcessHandle> other = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().filter(c -> c.endsWith("/pcscd")).isPresent()).findFirst();
        if (other.isPresent()) {
            fail("another pcscd runs (pid " + other.get().pid() + "); only one may run on a computer: stop it first");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(PCSCD, "--foreground", "--debug"));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Pcscd pcscd = new Pcscd(process, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!listens(listening)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                pcscd.close();
                fail("pcscd " + (process.isAlive() ? "started no vpcd reader" : "exited with " + process.exitValue())
                        + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return pcscd;
    }

    /** What pcscd logged so far (for failure messages). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private static boolean listens(Pattern listening) throws IOException {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file) && listening.matcher(Files.readString(file)).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: the process is stopped either way
        }
    }
}
