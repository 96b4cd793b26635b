package tw.fine.ra.it.ca;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.CrlBuilder;
import tw.fine.ra.ca.control.RevokedEntry;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.it.support.Deployments;

/**
 * The CA benchmark: not a test (its name does not end in IT, so no build runs it, and it asserts
 * nothing). It runs inside the provisioned server, on the issuing CA's real key, and prints the
 * figures that docs/performance.md records. Run it with the command in that document.
 */
@ExtendWith(ArquillianExtension.class)
class CaBenchmark {

    static final Duration WINDOW = Duration.ofSeconds(8);
    static final Duration SLICE = Duration.ofSeconds(1);
    static final int ROUNDS = 10;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(CaBenchmark.class, CaFixtures.class, CaFixtures.Result.class);
    }

    @Inject
    CertificateAuthority ca;

    @Inject
    CaCredentials keys;

    @Resource
    ManagedExecutorService executor;

    @Test
    void run() throws Exception {
        Path dir = Files.createTempDirectory("fine-ca-bench");
        StringBuilder report = new StringBuilder("\n=== FINE CA benchmark (" + keys.ca().signing().algorithm()
                + " issuing CA key, " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ") ===\n");
        report.append(signingAndIssuance());
        report.append(breakdown());
        report.append(ocsp(dir));
        report.append(crl(dir));
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "fine-ca-benchmark.txt"), report);
    }

    /**
     * Raw signatures and issuance on 1 and 2 threads in alternating one-second slices, so that a
     * machine whose load changes during the run slows all three alike and the ratios stay fair.
     */
    private String signingAndIssuance() throws Exception {
        List<PairRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            requests.add(CaFixtures.pairRequest());
        }
        AtomicInteger next = new AtomicInteger();
        double[] count = new double[3];
        double[] time = new double[3];
        for (int round = 0; round < ROUNDS && next.get() < requests.size() - 400; round++) {
            long t0 = System.nanoTime();
            count[0] += rawSignatures(SLICE);
            long t1 = System.nanoTime();
            count[1] += issuance(1, requests, next, SLICE);
            long t2 = System.nanoTime();
            count[2] += issuance(2, requests, next, SLICE);
            long t3 = System.nanoTime();
            time[0] += (t1 - t0) / 1e9;
            time[1] += (t2 - t1) / 1e9;
            time[2] += (t3 - t2) / 1e9;
        }
        double raw = count[0] / time[0];
        double one = count[1] / time[1];
        double two = count[2] / time[2];
        return line("raw signatures with the CA key, 1 thread", raw, "sig/s")
                + line("issuance end to end, 1 thread", one, "cert/s")
                + String.format(Locale.ROOT, "    ratio to the raw signature rate: %.2f (target 0.6)%n", one / raw)
                + line("issuance end to end, 2 threads", two, "cert/s")
                + String.format(Locale.ROOT, "    ratio to the raw signature rate: %.2f%n", two / raw);
    }

    /** Where one certificate's issuance time goes: the two CPU-bound steps measured alone, 1 thread. */
    private String breakdown() throws Exception {
        List<byte[]> csrs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            csrs.add(CaFixtures.csr(CaFixtures.ecKeys()));
        }
        tw.fine.ra.ca.control.RequestCheck check = new tw.fine.ra.ca.control.RequestCheck();
        tw.fine.ra.ca.control.SubjectName subject = new tw.fine.ra.ca.control.SubjectName("70759028-00-0001", "70759028");
        java.security.PublicKey key = check.check(csrs.get(0)).key();
        double checkMs = 0;
        double signMs = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (byte[] csr : csrs) {
                check.check(csr);
            }
            long t1 = System.nanoTime();
            Instant now = Instant.now();
            for (int i = 0; i < 100; i++) {
                keys.issuer().issue(subject, key, tw.fine.ra.ca.control.CertificateProfile.SIGNING,
                        BigInteger.valueOf(i + 1), now, now.plusSeconds(60));
            }
            long t2 = System.nanoTime();
            checkMs = (t1 - t0) / 1e6 / csrs.size();
            signMs = (t2 - t1) / 1e6 / 100;
        }
        return String.format(Locale.ROOT, "    per certificate: proof-of-possession check %.2f ms, build and sign %.2f ms%n",
                checkMs, signMs);
    }

    /** The issuing CA key signing a certificate-sized message, nothing else. */
    private int rawSignatures(Duration slice) throws Exception {
        byte[] tbs = new byte[1000];
        int count = 0;
        Instant end = Instant.now().plus(slice);
        while (Instant.now().isBefore(end)) {
            ContentSigner signer = keys.ca().signing().contentSigner();
            signer.getOutputStream().write(tbs);
            signer.getSignature();
            count++;
        }
        return count;
    }

    /** Pair requests (two certificates each) through the façade: checks, serials, signing, JPA, audit, commit. */
    private int issuance(int threads, List<PairRequest> requests, AtomicInteger next, Duration slice) throws Exception {
        AtomicInteger certificates = new AtomicInteger();
        Instant end = Instant.now().plus(slice);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(executor.submit(() -> {
                int i;
                while (Instant.now().isBefore(end) && (i = next.getAndIncrement()) < requests.size()) {
                    ca.issuePair(requests.get(i));
                    certificates.addAndGet(2);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return certificates.get();
    }

    /** wrk against our responder and against `openssl ocsp -port` answering for the same certificates. */
    private String ocsp(Path dir) throws Exception {
        List<CertificateView> certs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            certs.add(ca.issuePair(CaFixtures.pairRequest()).signing());
        }
        ca.markOnCard(certs.get(1).certificateNumber());
        ca.revoke(certs.get(1).certificateNumber(), RevocationReason.KEY_COMPROMISE, null);
        X509Certificate issuer = keys.ca().certificate();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.getEncoded()), certs.get(0).serial());
        String request = URLEncoder.encode(Base64.getEncoder().encodeToString(
                new OCSPReqBuilder().addRequest(id).build().getEncoded()), StandardCharsets.US_ASCII);

        // openssl's responder gets its own delegated signer of the same key type; the CA key stays in our store
        KeyPair signerKeys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate signer = delegatedSigner(signerKeys);
        CaFixtures.pem(dir.resolve("issuer.pem"), "CERTIFICATE", issuer.getEncoded());
        CaFixtures.pem(dir.resolve("rsigner.pem"), "CERTIFICATE", signer.getEncoded());
        Files.writeString(dir.resolve("rkey.pem"), pem(signerKeys.getPrivate()));
        StringBuilder index = new StringBuilder();
        for (CertificateView c : certs) {
            index.append(c.status().name().equals("REVOKED") ? "R" : "V").append('\t').append(asn1Time(c.notAfter()))
                    .append('\t').append(c.status().name().equals("REVOKED") ? asn1Time(Instant.now()) + ",keyCompromise" : "")
                    .append('\t').append(c.serial().toString(16).toUpperCase(Locale.ROOT)).append("\tunknown\t/CN=")
                    .append(c.subscriberId()).append('\n');
        }
        Files.writeString(dir.resolve("index.txt"), index);
        int port = 19000 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        Process responder = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-port", String.valueOf(port),
                "-rsigner", "rsigner.pem", "-rkey", "rkey.pem", "-CA", "issuer.pem", "-nmin", "60")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("responder.log").toFile())
                .start();
        try {
            Thread.sleep(500);
            double ours = load(CaFixtures.httpBase() + "/pki/ocsp/" + request);
            double openssl = load("http://127.0.0.1:" + port + "/" + request);
            double oursWrk = wrk(CaFixtures.httpBase() + "/pki/ocsp/" + request);
            return line("OCSP GET, 8 clients: our responder", ours, "resp/s")
                    + line("OCSP GET, 8 clients: openssl ocsp -index -port", openssl, "resp/s")
                    + String.format(Locale.ROOT, "    ratio ours / openssl: %.1f (target 10)%n", ours / openssl)
                    + line("OCSP GET, wrk -t2 -c8: our responder", oursWrk, "resp/s");
        } finally {
            responder.destroy();
        }
    }

    /** 100,000 revoked entries: our CrlBuilder with the CA's key against `openssl ca -gencrl` with an index of the same serials. */
    private String crl(Path dir) throws Exception {
        List<RevokedEntry> entries = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        String expiry = asn1Time(Instant.now().plus(Duration.ofDays(700)));
        String revoked = asn1Time(Instant.now());
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            b[0] = (byte) ((b[0] & 0x3f) | 0x40);
            BigInteger serial = new BigInteger(1, b);
            entries.add(new RevokedEntry(serial, Instant.now(), RevocationReason.KEY_COMPROMISE));
            index.append("R\t").append(expiry).append('\t').append(revoked).append(",keyCompromise\t")
                    .append(serial.toString(16).toUpperCase(Locale.ROOT)).append("\tunknown\t/CN=x\n");
        }
        long start = System.nanoTime();
        byte[] der = new CrlBuilder(keys.ca()).full(BigInteger.valueOf(999_999), Instant.now(),
                Instant.now().plus(Duration.ofHours(24)), entries);
        double ours = seconds(start);

        Files.writeString(dir.resolve("crl-index.txt"), index);
        Files.writeString(dir.resolve("crl-index.txt.attr"), "unique_subject = no\n");
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        KeyPair caKeys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(dir.resolve("ca.key"), pem(caKeys.getPrivate()));
        CaFixtures.pem(dir.resolve("ca.pem"), "CERTIFICATE", selfSigned(caKeys).getEncoded());
        Files.writeString(dir.resolve("ca.cnf"), String.join("\n", "[ca]", "default_ca = bench", "[bench]",
                "database = crl-index.txt", "crlnumber = crlnumber", "certificate = ca.pem", "private_key = ca.key",
                "default_md = sha256", "default_crl_hours = 24", "crl_extensions = ext", "[ext]",
                "authorityKeyIdentifier = keyid", ""));
        long opensslStart = System.nanoTime();
        CaFixtures.Result result = CaFixtures.openssl(dir, "ca", "-config", "ca.cnf", "-gencrl", "-out", "openssl.crl");
        double openssl = seconds(opensslStart);
        return String.format(Locale.ROOT, "CRL with 100,000 entries: ours %.2f s (%d bytes), openssl ca -gencrl %.2f s%s%n",
                ours, der.length, openssl, result.exitCode() == 0 ? "" : " (openssl failed: " + result.output() + ")");
    }

    /**
     * Our own load generator, because wrk gets no answer from openssl's responder: 8 threads, each
     * sending the next request when the last answer is in, counting 200 answers with a body.
     */
    private double load(String url) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build();
        AtomicInteger answers = new AtomicInteger();
        Instant end = Instant.now().plus(WINDOW);
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                while (Instant.now().isBefore(end)) {
                    try {
                        java.net.http.HttpResponse<byte[]> r = client.send(get,
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200 && r.body().length > 100) {
                            answers.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // a refused or reset connection counts as no answer
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return answers.get() / seconds(start);
    }

    private double wrk(String url) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + WINDOW.toSeconds() + "s", url).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        if (!m.find() || out.contains("Non-2xx")) {
            System.out.println("wrk " + url + ":\n" + out);
        }
        return m.find(0) ? Double.parseDouble(m.group(1)) : 0;
    }

    private X509Certificate delegatedSigner(KeyPair signer) throws Exception {
        X509Certificate issuer = keys.ca().certificate();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                new Date(), Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=openssl benchmark responder"),
                signer.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        return new JcaX509CertificateConverter().getCertificate(b.build(keys.ca().signing().contentSigner()));
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=openssl benchmark CA");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(),
                Date.from(Instant.now().plus(Duration.ofDays(1))), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.subjectKeyIdentifier, false,
                new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static String asn1Time(Instant t) {
        return DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String line(String what, double value, String unit) {
        return String.format(Locale.ROOT, "%-58s %10.1f %s%n", what, value, unit);
    }
}
