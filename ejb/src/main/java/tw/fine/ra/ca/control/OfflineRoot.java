package tw.fine.ra.ca.control;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * The root CA, kept in a folder of its own away from the server (ADR 0010): {@code root.p12} (the key,
 * under a passphrase), {@code root.cer}, the latest {@code root.crl} and every issuing CA certificate
 * it signed under {@code issued/}. The ceremony ({@code wildfly-config/ca-ceremony.sh}) drives it; in
 * development mode the server drives a stand-in of its own.
 */
public final class OfflineRoot {

    public static final String KEY_STORE = "root.p12";
    public static final String CERTIFICATE = "root.cer";
    public static final String CRL = "root.crl";
    public static final String ISSUED = "issued";

    private final Path folder;
    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;

    OfflineRoot(Path folder, CaKeyStore store, CaSettings settings, Clock clock) {
        this.folder = folder;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The root in this folder, its key store opened with the passphrase (created empty when absent). */
    public static OfflineRoot at(Path folder, char[] passphrase, CaSettings settings, Clock clock) {
        return new OfflineRoot(folder, new Pkcs12CaKeyStore(folder.resolve(KEY_STORE), passphrase), settings, clock);
    }

    public Path folder() {
        return folder;
    }

    public boolean exists() {
        return store.contains(CaHierarchy.ROOT_ALIAS);
    }

    /** A new root key and self-signed certificate, and the first root CRL (number 1, empty). */
    public X509Certificate create() {
        if (exists()) {
            throw new IllegalStateException("a root already exists in " + folder);
        }
        KeyPair keys = store.generateKeyPair(settings.rootKey());
        X500Name name = Names.dn(settings.rootDn());
        Instant now = now();
        X509v3CertificateBuilder builder = Certificates.builder(name, name, now,
                now.atOffset(ZoneOffset.UTC).plus(settings.rootValidity()).toInstant(), keys.getPublic());
        new Extensions(builder).ca(null)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                .subjectKeyId(keys.getPublic());
        X509Certificate root = new Signing(keys.getPrivate(), settings.rootKey(),
                store.signatureProvider(settings.rootKey())).sign(builder);
        keep(keys.getPrivate(), root);
        return root;
    }

    /**
     * Takes over the root key a key store of an earlier version kept online, and deletes it there:
     * the same root certificate, now with a CRL of its own.
     *
     * @throws IllegalStateException if the online store has no root key, or it cannot leave its store (a token)
     */
    public X509Certificate adopt(CaKeyStore online) {
        if (exists()) {
            throw new IllegalStateException("a root already exists in " + folder);
        }
        PrivateKey key = online.privateKey(CaHierarchy.ROOT_ALIAS)
                .orElseThrow(() -> new IllegalStateException("the key store holds no root key"));
        if (key.getEncoded() == null) {
            throw new IllegalStateException("the root key is on a token and cannot be moved; see ADR 0010");
        }
        X509Certificate root = online.chain(CaHierarchy.ROOT_ALIAS)[0];
        keep(key, root);
        online.delete(CaHierarchy.ROOT_ALIAS);
        return root;
    }

    public X509Certificate certificate() {
        return store.chain(CaHierarchy.ROOT_ALIAS)[0];
    }

    /**
     * The issuing CA certificate for the request its server wrote: the request's subject and key (its
     * signature checked, the key held to the subscriber key policy), pathLen 0, keyCertSign and
     * cRLSign, the certificate policy, and where relying parties find the root's CRL and certificate.
     *
     * @throws IllegalArgumentException if the request is malformed, its signature wrong or its key weak
     */
    public X509Certificate certifyIssuingCa(byte[] request) {
        CheckedKey key;
        X500Name subject;
        try {
            key = new RequestCheck().check(request);
            subject = new PKCS10CertificationRequest(request).getSubject();
        } catch (RequestRejectedException | IOException e) {
            throw new IllegalArgumentException("the issuing CA's request is refused: " + e.getMessage(), e);
        }
        X509Certificate root = certificate();
        Instant now = now();
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(settings.issuingValidity()).toInstant();
        if (notAfter.isAfter(root.getNotAfter().toInstant())) {
            notAfter = root.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = Certificates.builder(Certificates.name(root), subject, now, notAfter,
                key.key());
        // pathLen 0: the issuing CA signs subscribers only, never another CA
        new Extensions(builder).ca(0)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                .subjectKeyId(key.key())
                .authorityKeyId(root)
                .policy(settings.policyOid())
                .crlDistributionPoint(settings.rootCrlUrl())
                .caIssuers(settings.rootCertificateUrl());
        X509Certificate issuing = signing().sign(builder);
        Pem.write(folder.resolve(ISSUED).resolve(issuing.getSerialNumber().toString(16) + ".cer"), "CERTIFICATE",
                Certificates.der(issuing));
        return issuing;
    }

    /**
     * Signs the next root CRL: the previous one's entries (its signature checked) and the new
     * revocations, a CRL number one above the previous, nextUpdate {@code fine.ca.root.crl.validity}
     * ahead. Written to {@code root.crl}.
     */
    public byte[] signCrl(List<RevokedEntry> revocations) {
        Optional<SignedCrl> previous = crl();
        List<RevokedEntry> entries = new ArrayList<>();
        previous.ifPresent(crl -> crl.entries().stream()
                .filter(e -> revocations.stream().noneMatch(r -> r.serial().equals(e.serial())))
                .forEach(entries::add));
        entries.addAll(revocations);
        BigInteger number = previous.map(crl -> crl.number().add(BigInteger.ONE)).orElse(BigInteger.ONE);
        Instant now = now();
        Instant nextUpdate = now.atOffset(ZoneOffset.UTC).plus(settings.rootCrlValidity()).toInstant();
        X509Certificate root = certificate();
        byte[] der = new CrlBuilder(new IssuingCa(root, root, signing())).full(number, now, nextUpdate, entries);
        Pem.write(folder.resolve(CRL), "X509 CRL", der);
        return der;
    }

    /** Puts a certificate this root signed on the next CRL, e.g. an issuing CA's whose key is lost. */
    public byte[] revoke(X509Certificate issued, RevocationReason reason) {
        if (!issued.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
            throw new IllegalArgumentException("not a certificate of this root: " + issued.getSubjectX500Principal());
        }
        return signCrl(List.of(new RevokedEntry(issued.getSerialNumber(), now(), reason)));
    }

    /** The latest root CRL in the folder, checked against the root's key; empty before the first. */
    public Optional<SignedCrl> crl() {
        Path file = folder.resolve(CRL);
        return Files.isRegularFile(file) ? Optional.of(SignedCrl.verified(Pem.read(file), certificate()))
                : Optional.empty();
    }

    /** Copies the root certificate and the latest root CRL into the server's ceremony folder. */
    public void deliverTo(CeremonyFolder ceremony) {
        ceremony.deliverRoot(certificate(), crl().orElseThrow(() -> new IllegalStateException("no root CRL yet")).der());
    }

    private void keep(PrivateKey key, X509Certificate root) {
        store.store(CaHierarchy.ROOT_ALIAS, key, new X509Certificate[] {root});
        Pem.write(folder.resolve(CERTIFICATE), "CERTIFICATE", Certificates.der(root));
        signCrl(List.of());
    }

    private Signing signing() {
        X509Certificate root = certificate();
        KeyAlgorithm algorithm = KeyAlgorithm.of(root.getPublicKey());
        return new Signing(store.privateKey(CaHierarchy.ROOT_ALIAS).orElseThrow(), algorithm,
                store.signatureProvider(algorithm));
    }

    /** Whole seconds, as the certificate and the CRL encode them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
