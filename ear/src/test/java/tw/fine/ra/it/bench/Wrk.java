package tw.fine.ra.it.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** wrk with {@code bench/ocsp.lua}: many distinct requests, one machine-readable result line. */
final class Wrk {

    /**
     * What one wrk run gives: requests per second, latency percentiles, failed answers, and the answers
     * that were an unsigned OCSP error (e.g. {@code tryLater} past the responder's signing budget).
     */
    record Run(double rps, double p50Ms, double p99Ms, long requests, long non2xx, long socketErrors, long unsigned) {

        void record(Results results, String key) {
            results.put(key + ".rps", rps);
            results.put(key + ".p50ms", p50Ms);
            results.put(key + ".p99ms", p99Ms);
            results.put(key + ".errors", non2xx + socketErrors);
            results.put(key + ".unsigned", unsigned);
        }
    }

    private final Tools tools;
    private final BenchSettings settings;

    Wrk(Tools tools, BenchSettings settings) {
        this.tools = tools;
        this.settings = settings;
    }

    /**
     * {@code mode} get, post (requests from {@code file}) or plain (the URL alone); {@code close} sends
     * {@code Connection: close}, which openssl's responder needs for POST.
     */
    Run run(String url, String mode, String file, int connections, int seconds, boolean close) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "5s", "-s", settings.scripts().resolve("ocsp.lua").toString(), url, "--", mode,
                file == null ? "-" : file));
        if (close) {
            command.add("close");
        }
        String log = "wrk-" + mode + "-c" + connections + "-" + Math.abs(url.hashCode()) + ".log";
        String out = tools.run(command, log, seconds + 60);
        return parse(out, url);
    }

    /** Starts wrk for a fixed time without waiting (the mixed load); {@link #parse} its log afterwards. */
    Process start(String url, String mode, String file, int connections, int seconds, String log) {
        return tools.start(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", "-s",
                settings.scripts().resolve("ocsp.lua").toString(), url, "--", mode, file == null ? "-" : file), log);
    }

    static Run parse(String out, String what) {
        String line = out.lines().filter(l -> l.startsWith("WRK_RESULT")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk gave no result for " + what + ":\n" + out));
        Map<String, String> v = new HashMap<>();
        for (String pair : line.substring("WRK_RESULT".length()).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            v.put(kv[0], kv[1]);
        }
        return new Run(Double.parseDouble(v.get("rps")), Double.parseDouble(v.get("p50_ms")),
                Double.parseDouble(v.get("p99_ms")), Long.parseLong(v.get("requests")), Long.parseLong(v.get("non2xx")),
                Long.parseLong(v.get("connect")) + Long.parseLong(v.get("read")) + Long.parseLong(v.get("write"))
                        + Long.parseLong(v.get("timeout")), Long.parseLong(v.getOrDefault("unsigned", "0")));
    }
}
