package tw.fine.ra.it.bench;

import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code bench/run.sh} tells the server it starts (system properties): where to write, where
 * the wrk scripts are, which parts to run (all when empty), how long each load runs, and the ports of the peers it may start.
 */
record BenchSettings(Path dir, Path scripts, Set<String> parts, int wrkSeconds, int mixedSeconds, int signInSeconds,
        int opensslPort, String httpBase, String httpsBase) {

    static BenchSettings fromSystem() {
        String dir = System.getProperty("fine.bench.dir");
        if (dir == null) {
            throw new IllegalStateException("run the benchmark with bash bench/run.sh (fine.bench.dir is not set)");
        }
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        String parts = System.getProperty("fine.bench.parts", "");
        return new BenchSettings(Path.of(dir), Path.of(System.getProperty("fine.bench.scripts")),
                parts.isBlank() ? Set.of() : Set.of(parts.split(",")),
                Integer.getInteger("fine.bench.wrk-seconds", 10), Integer.getInteger("fine.bench.mixed-seconds", 120),
                Integer.getInteger("fine.bench.signin-seconds", 20),
                Integer.getInteger("fine.bench.openssl-port", 18000 + offset),
                "http://127.0.0.1:" + (8080 + offset), "https://localhost:" + (8443 + offset));
    }
}
