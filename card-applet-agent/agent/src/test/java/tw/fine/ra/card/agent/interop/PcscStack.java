package tw.fine.ra.card.agent.interop;

import tw.fine.ra.card.agent.card.VpcdBridge;
import tw.fine.ra.card.simulator.SimulatedCard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operating system's smart card stack for one test class: pcscd with vsmartcard's vpcd
 * driver, started here as a child process and stopped by its handle, and our simulated card
 * plugged into reader "Virtual PCD 00 00" through {@link VpcdBridge}.
 */
final class PcscStack implements AutoCloseable {

    static final String READER = "Virtual PCD 00 00";
    static final String PCSC_LIBRARY = "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1";
    private static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static final int VPCD_PORT = 35963;

    private final SimulatedCard card;
    private final Path log;
    private Process pcscd;
    private VpcdBridge bridge;

    private PcscStack(SimulatedCard card, Path log) {
        this.card = card;
        this.log = log;
    }

    static PcscStack start(SimulatedCard card, Path log) throws Exception {
        Tool.requireInstalled("/usr/sbin/pcscd");
        if (!Files.exists(Path.of(VPCD_DRIVER))) {
            fail("vsmartcard-vpcd is not installed (see .ci/packages.txt)");
        }
        PcscStack stack = new PcscStack(card, log);
        stack.startService();
        return stack;
    }

    /** Starts pcscd in the foreground (-f keeps its log out of syslog) and plugs the card in. */
    void startService() throws Exception {
        pcscd = new ProcessBuilder("/usr/sbin/pcscd", "-f", "-a", "-d").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!pcscd.isAlive()) {
                fail("pcscd exited with " + pcscd.exitValue() + " (is another pcscd running?), log " + log);
            }
            try {
                bridge = VpcdBridge.connect(card.simulator(), "127.0.0.1", VPCD_PORT);
                return;
            } catch (IOException notYetListening) {
                if (System.nanoTime() > deadline) {
                    fail("vpcd never listened on " + VPCD_PORT + ", log " + log);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the service (SIGTERM to our own child), as an administrator restarting it would. */
    void stopService() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (pcscd != null) {
            pcscd.destroy();
            if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
                pcscd.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopService();
    }
}
