package tw.fine.ra.it.ca;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import tw.fine.ra.ca.boundary.PairRequest;

/** Requests as a card would make them, PEM files, and the real openssl, for tests inside the server. */
public final class CaFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SUBSCRIBERS = new AtomicInteger(RANDOM.nextInt(5000));

    public record Result(int exitCode, String output) {
    }

    private CaFixtures() {
    }

    /** A fresh subscriber of organization 70759028 with a new P-256 signing and RSA-2048 encryption key. */
    public static PairRequest pairRequest() {
        String subscriber = String.format("70759028-00-%04d", SUBSCRIBERS.incrementAndGet() % 10000);
        return new PairRequest(UUID.randomUUID().toString(), subscriber, "70759028", csr(ecKeys()), csr(rsaKeys()));
    }

    public static KeyPair ecKeys() {
        return ecKeys("secp256r1");
    }

    public static KeyPair ecKeys(String curve) {
        return keys("EC", new ECGenParameterSpec(curve));
    }

    /** An RSA-2048 key: fits both certificates (an EC encryption key gets keyAgreement instead). */
    public static KeyPair rsaKeys() {
        return keys("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
    }

    /**
     * Two RSA-2048 key pairs whose moduli share a prime, as two cards with a poor random generator
     * made them for Taiwan's citizen certificates (Bernstein et al., 2013).
     */
    public static List<KeyPair> rsaKeysSharingAPrime() {
        BigInteger shared = rsaPrime();
        return List.of(rsaKeys(shared, rsaPrime()), rsaKeys(shared, rsaPrime()));
    }

    /** 1024 bits with the top two set, so two make a 2048-bit modulus; 65537 is invertible mod p - 1. */
    private static BigInteger rsaPrime() {
        while (true) {
            BigInteger p = BigInteger.probablePrime(1024, RANDOM);
            if (p.testBit(1022) && RSAKeyGenParameterSpec.F4.gcd(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)) {
                return p;
            }
        }
    }

    private static KeyPair rsaKeys(BigInteger p, BigInteger q) {
        BigInteger n = p.multiply(q);
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        BigInteger d = RSAKeyGenParameterSpec.F4.modInverse(phi);
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(factory.generatePublic(new RSAPublicKeySpec(n, RSAKeyGenParameterSpec.F4)),
                    factory.generatePrivate(new RSAPrivateKeySpec(n, d)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys(String algorithm, AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(spec);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] csr(KeyPair keys) {
        String algorithm = keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=whatever the card says"), keys.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path pem(Path file, String type, byte[]... ders) {
        StringBuilder text = new StringBuilder();
        for (byte[] der : ders) {
            text.append("-----BEGIN ").append(type).append("-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                    .append("\n-----END ").append(type).append("-----\n");
        }
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return tool(dir, command.toArray(String[]::new));
    }

    /** Runs an operating-system tool (e.g. {@code pkcs11-tool}) in {@code dir}: exit code and output. */
    public static Result tool(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves a certificate's notAfter (in the database only) a day into the past, so the next
     * expiry run finds it due: the two-year wait a test cannot make.
     */
    public static void pastNotAfter(EntityManager em, UserTransaction tx, long certificateNumber) throws Exception {
        tx.begin();
        em.joinTransaction();
        em.createQuery("update IssuedCertificate c set c.notAfter = :t where c.id = :id")
                .setParameter("t", Instant.now().minus(Duration.ofDays(1))).setParameter("id", certificateNumber)
                .executeUpdate();
        tx.commit();
    }

    /** This server's plain-HTTP base, from inside it. */
    public static String httpBase() {
        int port = Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://127.0.0.1:" + port;
    }

    /** The issuing CA's full CRL, published on the schedule. */
    public static final String FULL_CRL = "/pki/crl/information-user-ca.crl";
    /** The issuing CA's delta CRL, published after every status change. */
    public static final String DELTA_CRL = "/pki/crl/information-user-ca-delta.crl";

    /** The full CRL, polled until {@code condition} holds (bounded); answers the DER. */
    public static byte[] crlUntil(Predicate<X509CRL> condition) throws Exception {
        return crlUntil(FULL_CRL, condition);
    }

    /** The delta CRL is published asynchronously after a change commits: polls for it, bounded; answers the DER. */
    public static byte[] deltaCrlUntil(Predicate<X509CRL> condition) throws Exception {
        return crlUntil(DELTA_CRL, condition);
    }

    /** A relying party using delta CRLs no longer sees the certificate revoked: not on it, or removeFromCRL. */
    public static boolean notRevokedOnDelta(X509CRL delta, java.math.BigInteger serial) {
        java.security.cert.X509CRLEntry entry = delta.getRevokedCertificate(serial);
        return entry == null || entry.getRevocationReason() == java.security.cert.CRLReason.REMOVE_FROM_CRL;
    }

    private static byte[] crlUntil(String path, Predicate<X509CRL> condition) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            byte[] der = http.send(HttpRequest.newBuilder(URI.create(httpBase() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            if (condition.test(crl) || Instant.now().isAfter(giveUp)) {
                return der;
            }
            Thread.sleep(200);
        }
    }
}
