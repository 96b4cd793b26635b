package tw.fine.ra.it.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.it.support.Http;
import tw.fine.ra.it.support.TestData;

/**
 * Sign-ins per second through the real form at 8 clients (the page, then the post with the CAPTCHA
 * answer from the test hook, each sign-in a new client and TLS session, each client its own
 * account), and the CPU time of one Argon2id evaluation at our cost parameters and at a few others.
 */
final class SignInBench {

    static final int CLIENTS = 8;
    static final String SIGN_IN = "/login.xhtml";
    /** Other OWASP-listed Argon2id settings (memory KiB, passes), to show what the parameters cost. */
    private static final int[][] OTHER_COSTS = {{9216, 4}, {47104, 1}, {65536, 3}};

    private final TestData data;
    private final PasswordHasher hasher;
    private final Results results;

    SignInBench(TestData data, PasswordHasher hasher, Results results) {
        this.data = data;
        this.hasher = hasher;
        this.results = results;
    }

    void run(int seconds) throws Exception {
        List<String> logins = accounts(CLIENTS);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        int signedIn = signIns(logins, Instant.now().plusSeconds(seconds), failed);
        results.put("signin.c8.perSecond", signedIn / ((System.nanoTime() - start) / 1e9));
        results.put("signin.c8.failed", String.valueOf(failed.get()));
        argon2();
    }

    List<String> accounts(int n) {
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            logins.add(data.subscriber("70759028"));
        }
        return logins;
    }

    /** One client thread per login, each signing in again and again until {@code end}; sign-ins that succeeded. */
    static int signIns(List<String> logins, Instant end, AtomicInteger failed) throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (String login : logins) {
            Thread client = new Thread(() -> {
                while (Instant.now().isBefore(end)) {
                    try {
                        HttpResponse<String> r = new Http().signIn(SIGN_IN, login, TestData.PASSWORD);
                        String location = r.headers().firstValue("Location").orElse("");
                        (r.statusCode() == 302 && !location.endsWith(SIGN_IN) ? ok : failed).incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failed.incrementAndGet();
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return ok.get();
    }

    /** CPU time per evaluation on this thread: ours through the hasher, the others with Bouncy Castle alone. */
    private void argon2() {
        String hash = hasher.hash("bench-password".toCharArray());
        String params = hash.split("\\$")[3];
        results.put("argon2.params", params);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = 10;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            hasher.verify(hash, "bench-password".toCharArray());
        }
        results.put("argon2.cpuMs", (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / n);
        for (int[] cost : OTHER_COSTS) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 3; i++) {
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(cost[0]).withIterations(cost[1]).withParallelism(1).withSalt(new byte[16]).build());
                generator.generateBytes("bench-password".toCharArray(), new byte[32]);
            }
            results.put("argon2.other.m=" + cost[0] + ",t=" + cost[1] + ",p=1.cpuMs",
                    (cpu.getCurrentThreadCpuTime() - start) / 1e6 / 3);
        }
    }
}
