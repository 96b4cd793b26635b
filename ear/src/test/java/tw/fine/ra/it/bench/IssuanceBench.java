package tw.fine.ra.it.bench;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.operator.ContentSigner;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.CertificateProfile;
import tw.fine.ra.ca.control.CheckedKey;
import tw.fine.ra.ca.control.RequestCheck;
import tw.fine.ra.ca.control.SubjectName;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * Pair issuance through the boundary ({@link CertificateAuthority#issuePair}) on 1 and 2 threads,
 * against in the same run the raw signature rate of the CA key and the crypto-only ceiling: the
 * same checks and signatures as an issuance (both proofs of possession with the key screening,
 * the key policy, both certificates built and signed) with no database. The five alternate in
 * short slices over several rounds, so a change in the machine's load slows all alike: one second
 * for the raw signatures and the ceiling, a fixed number of pairs for issuance (each needs new
 * keys, and an RSA key takes long to make). Requests are card-like: a P-256 signing key and an
 * RSA-2048 encryption key.
 */
final class IssuanceBench {

    static final Duration SLICE = Duration.ofSeconds(1);
    static final int ROUNDS = 6;
    /** Pairs per issuance slice: 25 on 1 thread, 25 on 2. */
    static final int PAIRS_PER_SLICE = 25;
    /** An issuance slice ends with its pairs; this only stops one that hangs. */
    static final Duration ISSUANCE_LIMIT = Duration.ofMinutes(2);
    /** The ceiling needs no new keys (nothing is stored), so it cycles through these. */
    static final int CEILING_REQUESTS = 100;

    private final CertificateAuthority ca;
    private final CaCredentials keys;
    private final ManagedExecutorService executor;
    private final Results results;
    private final RequestCheck check = new RequestCheck();
    private final SecureRandom random = new SecureRandom();

    IssuanceBench(CertificateAuthority ca, CaCredentials keys, ManagedExecutorService executor, Results results) {
        this.ca = ca;
        this.keys = keys;
        this.executor = executor;
        this.results = results;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        List<PairRequest> requests = requests(CEILING_REQUESTS + 2 * ROUNDS * PAIRS_PER_SLICE);
        results.put("issue.requests.seconds", (System.nanoTime() - t0) / 1e9);
        List<PairRequest> ceilingRequests = requests.subList(0, CEILING_REQUESTS);
        List<PairRequest> issuance = requests.subList(CEILING_REQUESTS, requests.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger cycle = new AtomicInteger();
        double[] count = new double[5];
        double[] time = new double[5];
        // CPU time of the issuing thread inside issuePair (commit included), 1 thread only: how much
        // of an issuance is computing and how much waiting
        AtomicLong oneThreadCpu = new AtomicLong();
        AtomicLong oneThreadWall = new AtomicLong();
        for (int round = 0; round < ROUNDS; round++) {
            int oneThread = (2 * round + 1) * PAIRS_PER_SLICE;
            int twoThreads = (2 * round + 2) * PAIRS_PER_SLICE;
            List<Callable<Integer>> slices = List.of(this::rawSignatures,
                    () -> threads(1, SLICE, () -> ceiling(ceilingRequests.get(cycle.getAndIncrement() % CEILING_REQUESTS))),
                    () -> threads(2, SLICE, () -> ceiling(ceilingRequests.get(cycle.getAndIncrement() % CEILING_REQUESTS))),
                    () -> threads(1, ISSUANCE_LIMIT, () -> timed(oneThreadCpu, oneThreadWall,
                            () -> issue(issuance, next, oneThread))),
                    () -> threads(2, ISSUANCE_LIMIT, () -> issue(issuance, next, twoThreads)));
            for (int s = 0; s < slices.size(); s++) {
                long start = System.nanoTime();
                count[s] += slices.get(s).call();
                time[s] += (System.nanoTime() - start) / 1e9;
            }
        }
        results.put("issue.raw.sigps", count[0] / time[0]);
        results.put("issue.ceiling.t1", count[1] / time[1]);
        results.put("issue.ceiling.t2", count[2] / time[2]);
        results.put("issue.ours.t1", count[3] / time[3]);
        results.put("issue.ours.t2", count[4] / time[4]);
        results.put("issue.pairs", String.valueOf(next.get()));
        int pairs = ROUNDS * PAIRS_PER_SLICE;
        results.put("issue.ours.t1.wallMsPerPair", oneThreadWall.get() / 1e6 / pairs);
        results.put("issue.ours.t1.cpuMsPerPair", oneThreadCpu.get() / 1e6 / pairs);
    }

    /** The issuing CA key signing a certificate-sized message, one thread; counts signatures. */
    private int rawSignatures() throws Exception {
        byte[] tbs = new byte[1000];
        int count = 0;
        Instant end = Instant.now().plus(SLICE);
        while (Instant.now().isBefore(end)) {
            ContentSigner signer = keys.ca().signing().contentSigner();
            signer.getOutputStream().write(tbs);
            signer.getSignature();
            count++;
        }
        return count;
    }

    /** What issuePair does without the database; certificates made (2). */
    private int ceiling(PairRequest request) throws Exception {
        SubjectName subject = SubjectName.registered(request.subscriberId(), request.organizationUbn());
        CheckedKey signing = check.check(request.signingRequest());
        CheckedKey encryption = check.check(request.encryptionRequest());
        CertificateProfile.SIGNING.checkKey(signing.key());
        CertificateProfile.ENCRYPTION.checkKey(encryption.key());
        check.checkPair(signing, encryption);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = keys.issuer().notAfter(now);
        keys.issuer().issue(subject, signing.key(), CertificateProfile.SIGNING, serial(), now, notAfter);
        keys.issuer().issue(subject, encryption.key(), CertificateProfile.ENCRYPTION, serial(), now, notAfter);
        return 2;
    }

    /** Runs {@code work}, adding the calling thread's CPU time and the wall time it took. */
    private static int timed(AtomicLong cpu, AtomicLong wall, Callable<Integer> work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long before = System.nanoTime();
        int made = work.call();
        if (made > 0) {
            wall.addAndGet(System.nanoTime() - before);
            cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
        }
        return made;
    }

    /** Issues the next pair unless {@code upTo} are issued; answers the certificates made, -1 for none left. */
    private int issue(List<PairRequest> requests, AtomicInteger next, int upTo) throws Exception {
        int i = next.getAndIncrement();
        if (i >= upTo) {
            return -1;
        }
        ca.issuePair(requests.get(i));
        return 2;
    }

    private BigInteger serial() {
        return new BigInteger(127, random).setBit(126);
    }

    /**
     * Runs {@code work} on {@code n} threads for {@code limit}, or until it answers -1 (its share
     * done); answers the certificates made.
     */
    private int threads(int n, Duration limit, Callable<Integer> work) throws Exception {
        AtomicInteger certificates = new AtomicInteger();
        Instant end = Instant.now().plus(limit);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            workers.add(executor.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int made = work.call();
                    if (made < 0) {
                        break;
                    }
                    certificates.addAndGet(made);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return certificates.get();
    }

    /** Card-like pair requests, made on every CPU (the RSA key generation is most of the time). */
    private List<PairRequest> requests(int n) throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Future<List<PairRequest>>> parts = new ArrayList<>();
        for (int t = 0; t < cpus; t++) {
            int share = n / cpus + (t < n % cpus ? 1 : 0);
            parts.add(executor.submit(() -> {
                List<PairRequest> part = new ArrayList<>();
                for (int i = 0; i < share; i++) {
                    part.add(CaFixtures.pairRequest());
                }
                return part;
            }));
        }
        List<PairRequest> all = new ArrayList<>();
        for (Future<List<PairRequest>> part : parts) {
            all.addAll(part.get());
        }
        return Collections.unmodifiableList(all);
    }
}
