package tw.fine.ra.it.bench;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.management.ObjectName;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tw.fine.ra.ca.boundary.CrlDocument;
import tw.fine.ra.ca.boundary.Publication;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.entity.CertificateStatus.Transition;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * A CRL of 100,000 revoked certificates: ours from the database to a stored, signed CRL through
 * {@link Publication#publishCrl()} (database read and store included), against
 * {@code openssl ca -gencrl} over an index of the same serials, dates and reasons. Time, and memory:
 * for ours the bytes the publishing thread allocated and the heap's peak above its level before;
 * for openssl its peak resident set ({@code /usr/bin/time}).
 */
final class CrlBench {

    static final int REVOKED = 100_000;
    private static final RevocationReason[] REASONS = {RevocationReason.KEY_COMPROMISE, RevocationReason.SUPERSEDED,
        RevocationReason.CESSATION_OF_OPERATION, RevocationReason.AFFILIATION_CHANGED};

    private final EntityManager em;
    private final UserTransaction tx;
    private final CaCredentials keys;
    private final Publication publication;
    private final BenchSettings settings;
    private final Tools tools;
    private final Results results;

    CrlBench(EntityManager em, UserTransaction tx, CaCredentials keys, Publication publication, BenchSettings settings,
            Tools tools, Results results) {
        this.em = em;
        this.tx = tx;
        this.keys = keys;
        this.publication = publication;
        this.settings = settings;
        this.tools = tools;
        this.results = results;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        insertRevoked();
        results.put("crl.insert.seconds", (System.nanoTime() - t0) / 1e9);
        // a refresh the inserts did not ask for, but a revocation before may have: let it end first
        Thread.sleep(3000);
        System.gc();
        long allocated = allocatedBytes();
        long heapBefore = heapUsed();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        CrlDocument crl = publication.publishCrl();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        results.put("crl.ours.seconds", seconds);
        results.put("crl.ours.allocatedMib", (allocatedBytes() - allocated) / 1048576.0);
        results.put("crl.ours.heapPeakMib", (peak - heapBefore) / 1048576.0);
        results.put("crl.ours.bytes", String.valueOf(crl.der().length));
        X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.der()));
        results.put("crl.entries", String.valueOf(parsed.getRevokedCertificates().size()));
        openssl(parsed);
    }

    /** 100,000 revoked certificates straight into the table, 2,000 per transaction (as a big CA would hold them). */
    private void insertRevoked() throws Exception {
        SecureRandom random = new SecureRandom();
        String issuer = keys.issuerDn();
        byte[] der = keys.ca().certificate().getEncoded();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.plus(Duration.ofDays(700));
        for (int done = 0; done < REVOKED; ) {
            tx.begin();
            em.joinTransaction();
            em.unwrap(org.hibernate.Session.class).setJdbcBatchSize(500);
            for (int i = 0; i < 2000 && done < REVOKED; i++, done++) {
                byte[] fingerprint = new byte[32];
                random.nextBytes(fingerprint);
                IssuedCertificate c = new IssuedCertificate(null, null, CertificateUsage.SIGNING, issuer,
                        new BigInteger(127, random).setBit(126), "CN=bench " + done, now, notAfter,
                        HexFormat.of().formatHex(fingerprint), der, now);
                RevocationReason reason = REASONS[done % REASONS.length];
                c.take(Transition.revoking(reason), now.minusSeconds(done % 86_400), reason, null);
                em.persist(c);
            }
            em.flush();
            em.clear();
            tx.commit();
        }
    }

    /** openssl ca -gencrl over the entries of our CRL, with a throw-away CA key of our CA key's type. */
    private void openssl(X509CRL ours) throws Exception {
        StringBuilder index = new StringBuilder();
        String expiry = Openssl.time(Instant.now().plus(Duration.ofDays(700)));
        for (X509CRLEntry entry : ours.getRevokedCertificates()) {
            String reason = entry.getRevocationReason() == null ? ""
                    : "," + opensslReason(entry.getRevocationReason().name());
            index.append("R\t").append(expiry).append('\t').append(Openssl.time(entry.getRevocationDate().toInstant()))
                    .append(reason).append('\t').append(Openssl.serial(entry.getSerialNumber())).append("\tunknown\t/CN=x\n");
        }
        var dir = settings.dir();
        Files.writeString(dir.resolve("crl-index.txt"), index);
        Files.writeString(dir.resolve("crl-index.txt.attr"), "unique_subject = no\n");
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        KeyPair caKeys = Openssl.keysLike(keys.ca().certificate().getPublicKey());
        Files.writeString(dir.resolve("crl-ca.key"), Openssl.pem(caKeys.getPrivate()));
        CaFixtures.pem(dir.resolve("crl-ca.pem"), "CERTIFICATE", selfSigned(caKeys).getEncoded());
        Files.writeString(dir.resolve("crl-ca.cnf"), String.join("\n", "[ca]", "default_ca = bench", "[bench]",
                "database = crl-index.txt", "crlnumber = crlnumber", "certificate = crl-ca.pem",
                "private_key = crl-ca.key", "default_md = sha256", "default_crl_hours = 24", "crl_extensions = ext",
                "[ext]", "authorityKeyIdentifier = keyid", ""));
        long start = System.nanoTime();
        String out = tools.run(List.of("/usr/bin/time", "-f", "BENCH_TIME %e %M", "openssl", "ca", "-config",
                "crl-ca.cnf", "-gencrl", "-out", "openssl.crl"), "openssl-crl.log", 300);
        double wall = (System.nanoTime() - start) / 1e9;
        String time = out.lines().filter(l -> l.startsWith("BENCH_TIME")).findFirst()
                .orElseThrow(() -> new IllegalStateException("openssl ca -gencrl:\n" + out));
        String[] parts = time.split(" ");
        results.put("crl.openssl.seconds", wall);
        results.put("crl.openssl.rssMib", Long.parseLong(parts[2]) / 1024.0);
        // openssl ca writes PEM
        String pem = Files.readString(dir.resolve("openssl.crl")).replaceAll("-----[A-Z0-9 ]+-----|\\s", "");
        results.put("crl.openssl.bytes", String.valueOf(java.util.Base64.getDecoder().decode(pem).length));
    }

    private static String opensslReason(String javaName) {
        return switch (javaName) {
            case "KEY_COMPROMISE" -> "keyCompromise";
            case "SUPERSEDED" -> "superseded";
            case "CESSATION_OF_OPERATION" -> "cessationOfOperation";
            case "AFFILIATION_CHANGED" -> "affiliationChanged";
            case "CERTIFICATE_HOLD" -> "certificateHold";
            case "PRIVILEGE_WITHDRAWN" -> "privilegeWithdrawn";
            case "CA_COMPROMISE" -> "CACompromise";
            default -> "unspecified";
        };
    }

    private static java.security.cert.X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=openssl benchmark CA");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(),
                Date.from(Instant.now().plus(Duration.ofDays(1))), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        String algorithm = keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }

    /**
     * What this thread allocated so far. Through the MBean server: WildFly does not let a deployment
     * see the class com.sun.management.ThreadMXBean.
     */
    private static long allocatedBytes() throws Exception {
        return (Long) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("java.lang:type=Threading"),
                "getThreadAllocatedBytes", new Object[] {Thread.currentThread().getId()}, new String[] {"long"});
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
