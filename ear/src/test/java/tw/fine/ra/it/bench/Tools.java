package tw.fine.ra.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system processes the benchmark starts (wrk, openssl). Each one's id goes into
 * {@code pids} in the benchmark folder before it runs, so {@code bench/run.sh} can stop it even
 * when this JVM dies; here each is stopped with its children ({@code openssl ocsp -multi} forks).
 */
final class Tools {

    private final Path dir;

    Tools(Path dir) {
        this.dir = dir;
    }

    /** Starts a process in the benchmark folder, its output (both streams) into {@code log}. */
    Process start(List<String> command, String log) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(log).toFile()).start();
            p.getOutputStream().close();
            Files.writeString(dir.resolve("pids"), p.pid() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a process to its end (at most {@code seconds}); answers its output. */
    String run(List<String> command, String log, int seconds) {
        Process p = start(command, log);
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                stop(p);
                throw new IllegalStateException(command + " did not end within " + seconds + " s");
            }
            return Files.readString(dir.resolve(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new IllegalStateException(e);
        }
    }

    /**
     * Children first, then the process: the parent of {@code openssl ocsp -multi} ignores a TERM that
     * comes while it is replacing a child, so it gets another, then a KILL.
     */
    static void stop(Process p) {
        for (int attempt = 0; attempt < 10 && p.isAlive(); attempt++) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                p.waitFor(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The resident set of this JVM (the server), MiB: {@code VmRSS} or {@code VmHWM} of /proc/self/status. */
    static double rssMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }
}
