package tw.fine.ra.it.bench;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * OCSP: our responder, {@code openssl ocsp -index -multi nproc} answering for the same certificates,
 * and a static file of a response's size from the same WildFly (the HTTP ceiling), each under wrk
 * with 8 and 50 connections, GET and POST, over 1,000 distinct requests: a quarter each good,
 * revoked, on hold and unknown.
 */
final class OcspBench {

    static final int PER_KIND = 250;
    private static final String[] KINDS = {"good", "revoked", "hold", "unknown"};

    private final CertificateAuthority ca;
    private final CaCredentials keys;
    private final BenchSettings settings;
    private final Tools tools;
    private final Results results;
    private final AtomicInteger subscribers = new AtomicInteger(new SecureRandom().nextInt(5000));

    OcspBench(CertificateAuthority ca, CaCredentials keys, BenchSettings settings, Tools tools, Results results) {
        this.ca = ca;
        this.keys = keys;
        this.settings = settings;
        this.tools = tools;
        this.results = results;
    }

    void run() throws Exception {
        List<BigInteger[]> certificates = certificates();
        writeRequests(certificates);
        X509Certificate issuer = keys.ca().certificate();
        CaFixtures.pem(settings.dir().resolve("issuer.pem"), "CERTIFICATE", issuer.getEncoded());
        CaFixtures.pem(settings.dir().resolve("chain.pem"), "CERTIFICATE", issuer.getEncoded(),
                keys.ca().root().getEncoded());
        writeOpensslResponder(certificates);
        checkStatuses(certificates, "ours", ours());
        Process checked = responder();
        try {
            checkStatuses(certificates, "openssl", openssl());
        } finally {
            Tools.stop(checked);
        }
        writeStaticFile();
        Wrk wrk = new Wrk(tools, settings);
        // every response once, so ours are measured as relying parties meet them: pre-signed or cached
        wrk.run(ours(), "get", "ocsp-get.txt", 8, 3, false);
        wrk.run(ours(), "post", "ocsp-post.hex", 8, 3, false);
        for (int c : new int[] {8, 50}) {
            measure(wrk, "get", c);
            measure(wrk, "post", c);
        }
    }

    /** Ours, openssl's and (GET only) the static file, one after the other, with {@code c} connections. */
    private void measure(Wrk wrk, String method, int c) throws Exception {
        String key = "ocsp." + method + ".c" + c;
        String requests = method.equals("get") ? "ocsp-get.txt" : "ocsp-post.hex";
        int seconds = settings.wrkSeconds();
        wrk.run(ours(), method, requests, c, seconds, false).record(results, key + ".ours");
        // a fresh responder each time: a child of openssl ocsp -multi can hang on a connection wrk left
        Process responder = responder();
        try {
            // without Connection: close openssl's responder answers no POST from wrk
            wrk.run(openssl(), method, requests, c, seconds, method.equals("post")).record(results, key + ".openssl");
        } finally {
            Tools.stop(responder);
        }
        if (method.equals("get")) {
            wrk.run(settings.httpBase() + "/fine-bench-static/ocsp.der", "plain", null, c, seconds, false)
                    .record(results, key + ".static");
        }
    }

    private String ours() {
        return settings.httpBase() + "/pki/ocsp";
    }

    private String openssl() {
        return "http://127.0.0.1:" + settings.opensslPort();
    }

    /**
     * {@code openssl ocsp -multi nproc} on the benchmark's index, once it says it accepts. Not probed
     * by connecting: a connection that sends no request stops a child of the responder for good.
     */
    private Process responder() throws Exception {
        Path log = settings.dir().resolve("openssl-ocsp.log");
        Process p = tools.start(List.of("openssl", "ocsp", "-index", "ocsp-index.txt", "-port",
                String.valueOf(settings.opensslPort()), "-rsigner", "rsigner.pem", "-rkey", "rkey.pem", "-CA", "issuer.pem",
                "-nmin", "60", "-multi", String.valueOf(Runtime.getRuntime().availableProcessors())), log.getFileName().toString());
        for (int i = 0; i < 100; i++) {
            if (Files.readString(log).contains("ACCEPT")) {
                Thread.sleep(500);
                return p;
            }
            Thread.sleep(100);
        }
        Tools.stop(p);
        throw new IllegalStateException("openssl ocsp does not accept on port " + settings.opensslPort() + ":\n"
                + Files.readString(log));
    }

    /**
     * 750 certificates issued through the CA (pairs of P-256 keys: quick to make) and 250 unknown
     * serials: each row serial, kind index, notAfter (epoch seconds) and revocation time.
     */
    private List<BigInteger[]> certificates() throws Exception {
        List<BigInteger[]> rows = new ArrayList<>();
        List<CertificateView> issued = new ArrayList<>();
        while (issued.size() < 3 * PER_KIND) {
            String subscriber = String.format("70759028-00-%04d", subscribers.incrementAndGet() % 10000);
            var pair = ca.issuePair(new PairRequest(UUID.randomUUID().toString(), subscriber, "70759028",
                    CaFixtures.csr(CaFixtures.ecKeys()), CaFixtures.csr(CaFixtures.ecKeys())));
            issued.add(pair.signing());
            issued.add(pair.encryption());
        }
        for (int i = 0; i < 3 * PER_KIND; i++) {
            CertificateView c = issued.get(i);
            int kind = i / PER_KIND;
            CertificateView now = switch (kind) {
                case 0 -> ca.markOnCard(c.certificateNumber());
                case 1 -> ca.revoke(c.certificateNumber(), RevocationReason.KEY_COMPROMISE, null);
                default -> {
                    ca.markOnCard(c.certificateNumber());
                    yield ca.hold(c.certificateNumber());
                }
            };
            rows.add(new BigInteger[] {c.serial(), BigInteger.valueOf(kind),
                BigInteger.valueOf(c.notAfter().getEpochSecond()), BigInteger.valueOf(Instant.now().getEpochSecond())});
        }
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < PER_KIND; i++) {
            rows.add(new BigInteger[] {new BigInteger(126, random).setBit(126),
                BigInteger.valueOf(3), BigInteger.ZERO, BigInteger.ZERO});
        }
        // the CRL refreshes that the revocations asked for run now, not during the measurements
        Thread.sleep(3000);
        return rows;
    }

    /** One request per certificate, without nonce (as RFC 5019 clients send), in a shuffled order. */
    private void writeRequests(List<BigInteger[]> certificates) throws Exception {
        X509CertificateHolder issuer = new X509CertificateHolder(keys.ca().certificate().getEncoded());
        var sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        List<byte[]> requests = new ArrayList<>();
        for (BigInteger[] row : certificates) {
            requests.add(new OCSPReqBuilder().addRequest(new CertificateID(sha1, issuer, row[0])).build().getEncoded());
        }
        Collections.shuffle(requests);
        StringBuilder get = new StringBuilder();
        StringBuilder post = new StringBuilder();
        for (byte[] request : requests) {
            get.append(URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII)).append('\n');
            post.append(HexFormat.of().formatHex(request)).append('\n');
        }
        Files.writeString(settings.dir().resolve("ocsp-get.txt"), get);
        Files.writeString(settings.dir().resolve("ocsp-post.hex"), post);
    }

    /**
     * openssl's index holds the same certificates with the same statuses (holds as certificateHold);
     * its responder signs with a delegated signer of the CA key's type issued by our CA, since the
     * CA key never leaves our key store.
     */
    private void writeOpensslResponder(List<BigInteger[]> certificates) throws Exception {
        StringBuilder index = new StringBuilder();
        for (BigInteger[] row : certificates) {
            int kind = row[1].intValue();
            if (kind == 3) {
                continue;
            }
            String revocation = kind == 0 ? "" : Openssl.time(Instant.ofEpochSecond(row[3].longValueExact()))
                    + (kind == 1 ? ",keyCompromise" : ",certificateHold");
            index.append(kind == 0 ? 'V' : 'R').append('\t')
                    .append(Openssl.time(Instant.ofEpochSecond(row[2].longValueExact()))).append('\t').append(revocation)
                    .append('\t').append(Openssl.serial(row[0])).append("\tunknown\t/CN=bench\n");
        }
        Files.writeString(settings.dir().resolve("ocsp-index.txt"), index);
        Files.writeString(settings.dir().resolve("ocsp-index.txt.attr"), "unique_subject = no\n");
        X509Certificate issuer = keys.ca().certificate();
        KeyPair signer = Openssl.keysLike(issuer.getPublicKey());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                new Date(), Date.from(Instant.now().plus(Duration.ofDays(1))),
                new X500Name("CN=openssl benchmark responder"), signer.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(b.build(keys.ca().signing().contentSigner()));
        CaFixtures.pem(settings.dir().resolve("rsigner.pem"), "CERTIFICATE", certificate.getEncoded());
        Files.writeString(settings.dir().resolve("rkey.pem"), Openssl.pem(signer.getPrivate()));
    }

    /** openssl ocsp asks each responder for one certificate of each kind and verifies the answer's signature. */
    private void checkStatuses(List<BigInteger[]> certificates, String who, String url) {
        for (int kind = 0; kind < KINDS.length; kind++) {
            int k = kind;
            BigInteger serial = certificates.stream().filter(r -> r[1].intValue() == k).findFirst().orElseThrow()[0];
            String out = tools.run(List.of("openssl", "ocsp", "-issuer", "issuer.pem", "-CAfile", "chain.pem",
                    "-serial", "0x" + serial.toString(16), "-url", url, "-no_nonce"), "check-" + who + ".log", 30);
            String verified = out.contains("Response verify OK") ? "verified" : "NOT VERIFIED";
            String status = out.lines().filter(l -> l.startsWith("0x")).findFirst().map(l -> l.replaceAll("^0x\\w+: ", ""))
                    .orElse("no answer");
            if (out.contains("Reason: certificateHold")) {
                status += " (hold)";
            }
            results.put("ocsp.check." + who + "." + KINDS[kind], status + ", " + verified);
        }
    }

    /** The HTTP ceiling: a response's bytes as a file that WildFly itself serves (run.sh maps the folder). */
    private void writeStaticFile() throws Exception {
        String get = Files.readAllLines(settings.dir().resolve("ocsp-get.txt")).get(0);
        byte[] response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ours() + "/" + get)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Path folder = Files.createDirectories(settings.dir().resolve("static"));
        Files.write(folder.resolve("ocsp.der"), response);
        results.put("ocsp.response.bytes", String.valueOf(response.length));
        results.put("ocsp.cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
}
