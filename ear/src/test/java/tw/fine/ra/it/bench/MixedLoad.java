package tw.fine.ra.it.bench;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * The server's resident set after a period of mixed load: OCSP GET and POST (wrk, 4 connections
 * each), sign-in pages (wrk, 2 connections: each a new session and CAPTCHA), 2 clients signing in,
 * and one pair issued every half second.
 */
final class MixedLoad {

    private final CertificateAuthority ca;
    private final ManagedExecutorService executor;
    private final BenchSettings settings;
    private final Tools tools;
    private final Results results;

    MixedLoad(CertificateAuthority ca, ManagedExecutorService executor, BenchSettings settings, Tools tools,
            Results results) {
        this.ca = ca;
        this.executor = executor;
        this.settings = settings;
        this.tools = tools;
        this.results = results;
    }

    void run(List<String> logins) throws Exception {
        int seconds = settings.mixedSeconds();
        results.put("mixed.seconds", String.valueOf(seconds));
        results.put("rss.beforeMixedMib", Tools.rssMib("VmRSS"));
        Wrk wrk = new Wrk(tools, settings);
        String ours = settings.httpBase() + "/pki/ocsp";
        List<Process> loads = List.of(wrk.start(ours, "get", "ocsp-get.txt", 4, seconds, "mixed-get.log"),
                wrk.start(ours, "post", "ocsp-post.hex", 4, seconds, "mixed-post.log"),
                wrk.start(settings.httpsBase() + SignInBench.SIGN_IN, "plain", null, 2, seconds, "mixed-pages.log"));
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicInteger pairs = new AtomicInteger();
        Future<?> issuing = executor.submit(() -> {
            while (Instant.now().isBefore(end)) {
                try {
                    ca.issuePair(new PairRequest(UUID.randomUUID().toString(), "70759028-00-0001", "70759028",
                            CaFixtures.csr(CaFixtures.ecKeys()), CaFixtures.csr(CaFixtures.ecKeys())));
                    pairs.incrementAndGet();
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    results.put("mixed.issueError", e.toString());
                    return;
                }
            }
        });
        AtomicInteger failed = new AtomicInteger();
        int signIns = SignInBench.signIns(logins.subList(0, 2), end, failed);
        issuing.get();
        for (Process p : loads) {
            p.waitFor();
        }
        double ocsp = 0;
        for (String log : List.of("mixed-get.log", "mixed-post.log")) {
            ocsp += Wrk.parse(Files.readString(settings.dir().resolve(log)), log).rps();
        }
        results.put("mixed.ocspPerSecond", ocsp);
        results.put("mixed.pagesPerSecond", Wrk.parse(Files.readString(settings.dir().resolve("mixed-pages.log")),
                "pages").rps());
        results.put("mixed.signIns", String.valueOf(signIns));
        results.put("mixed.signInsFailed", String.valueOf(failed.get()));
        results.put("mixed.pairs", String.valueOf(pairs.get()));
        results.put("rss.afterMixedMib", Tools.rssMib("VmRSS"));
        results.put("rss.peakMib", Tools.rssMib("VmHWM"));
    }
}
