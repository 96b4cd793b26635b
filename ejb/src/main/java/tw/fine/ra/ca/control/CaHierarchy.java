package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The CA keys the server holds (ADR 0010): the issuing CA's, whose certificate the offline root
 * signs, and the OCSP signer's, which the issuing CA certifies. The issuing key is generated here and
 * kept with a self-signed carrier certificate until the root's certificate for it is imported; the
 * root's key is never here.
 */
public final class CaHierarchy {

    /** The root's alias in the root's own key store; in the online store only in versions before ADR 0010. */
    public static final String ROOT_ALIAS = "fine-root-ca";
    public static final String ISSUING_ALIAS = "fine-issuing-ca";
    public static final String OCSP_ALIAS = "fine-ocsp-signer";

    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;

    public CaHierarchy(CaKeyStore store, CaSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the store still holds the root's private key, as versions before ADR 0010 left it. */
    public boolean holdsRootKey() {
        return store.contains(ROOT_ALIAS);
    }

    /** The issuing CA, once the root's certificate for its key is in the store. */
    public Optional<IssuingCa> issuingCa() {
        if (!store.contains(ISSUING_ALIAS)) {
            return Optional.empty();
        }
        X509Certificate[] chain = store.chain(ISSUING_ALIAS);
        // a chain of one is the carrier certificate: the key waits for the root's certificate
        return chain.length < 2 ? Optional.empty()
                : Optional.of(new IssuingCa(chain[0], chain[chain.length - 1], signing(ISSUING_ALIAS)));
    }

    /**
     * Generates the issuing CA's key if there is none yet and writes its PKCS#10 request (subject
     * {@link CaSettings#issuingDn()}) into the ceremony folder.
     *
     * @return the request's file
     */
    public Path requestIssuingCertificate(CeremonyFolder folder) {
        if (!store.contains(ISSUING_ALIAS)) {
            KeyPair keys = store.generateKeyPair(settings.issuingKey());
            X500Name name = Names.dn(settings.issuingDn());
            Instant now = clock.instant();
            X509v3CertificateBuilder carrier = Certificates.builder(name, name, now,
                    now.atOffset(ZoneOffset.UTC).plus(settings.issuingValidity()).toInstant(), keys.getPublic());
            X509Certificate certificate = new Signing(keys.getPrivate(), settings.issuingKey(),
                    store.signatureProvider(settings.issuingKey())).sign(carrier);
            store.store(ISSUING_ALIAS, keys.getPrivate(), new X509Certificate[] {certificate});
        }
        PublicKey key = store.chain(ISSUING_ALIAS)[0].getPublicKey();
        try {
            byte[] request = new JcaPKCS10CertificationRequestBuilder(Names.dn(settings.issuingDn()), key)
                    .build(signing(ISSUING_ALIAS).contentSigner()).getEncoded();
            Pem.write(folder.request(), "CERTIFICATE REQUEST", request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.request();
    }

    /**
     * Imports the issuing CA certificate and the root certificate the ceremony put into the folder,
     * once the certificate is found to certify the waiting key as a CA below that root.
     *
     * @throws IllegalStateException naming what does not fit
     */
    public IssuingCa importIssuingCertificate(CeremonyFolder folder) {
        X509Certificate issuing = Certificates.parse(Pem.read(folder.issuingCertificate()));
        X509Certificate root = Certificates.parse(Pem.read(folder.rootCertificate()));
        PrivateKey key = store.privateKey(ISSUING_ALIAS)
                .orElseThrow(() -> new IllegalStateException("no issuing CA key in the key store to import for"));
        if (!Certificates.sameKey(issuing.getPublicKey(), store.chain(ISSUING_ALIAS)[0].getPublicKey())) {
            throw new IllegalStateException(folder.issuingCertificate() + " certifies another key than the issuing CA's"
                    + " in the key store; sign the request " + folder.request() + " (written by this server)");
        }
        requireIssuedBy(issuing, root, folder);
        store.store(ISSUING_ALIAS, key, new X509Certificate[] {issuing, root});
        return issuingCa().orElseThrow();
    }

    private void requireIssuedBy(X509Certificate issuing, X509Certificate root, CeremonyFolder folder) {
        Date now = Date.from(clock.instant());
        try {
            root.verify(root.getPublicKey());
            issuing.verify(root.getPublicKey());
            root.checkValidity(now);
            issuing.checkValidity(now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(folder.issuingCertificate() + " does not chain to the self-signed root "
                    + folder.rootCertificate() + " or is not valid now: " + e.getMessage(), e);
        }
        boolean[] usage = issuing.getKeyUsage();
        if (root.getBasicConstraints() < 0 || issuing.getBasicConstraints() != 0 || usage == null || !usage[5]
                || !usage[6]) {
            throw new IllegalStateException(folder.issuingCertificate() + " is not an issuing CA certificate "
                    + "(CA with pathLen 0, keyCertSign, cRLSign) under a CA root");
        }
    }

    /** The current OCSP signer, replaced by a fresh key and certificate when it nears expiry. */
    public OcspSigner ocspSigner(IssuingCa ca) {
        if (store.contains(OCSP_ALIAS)) {
            OcspSigner current = new OcspSigner(store.chain(OCSP_ALIAS)[0], signing(OCSP_ALIAS));
            if (!current.dueForRenewal(clock.instant(), settings.ocspSignerRenewBefore())) {
                return current;
            }
            store.delete(OCSP_ALIAS);
        }
        return createOcspSigner(ca);
    }

    private OcspSigner createOcspSigner(IssuingCa ca) {
        KeyPair keys = store.generateKeyPair(settings.ocspKey());
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = Certificates.builder(ca.name(), Names.dn("CN=" + settings.issuingName()
                + " OCSP Responder, OU=User CA, O=" + settings.caOrganization() + ", C=TW"),
                now, now.plus(settings.ocspSignerValidity()), keys.getPublic());
        new Extensions(builder).endEntity()
                .keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(List.of(KeyPurposeId.id_kp_OCSPSigning.getId()))
                .ocspNoCheck()
                .subjectKeyId(keys.getPublic())
                .authorityKeyId(ca.certificate());
        X509Certificate certificate = ca.signing().sign(builder);
        store.store(OCSP_ALIAS, keys.getPrivate(), new X509Certificate[] {certificate, ca.certificate(), ca.root()});
        return new OcspSigner(certificate, signing(OCSP_ALIAS));
    }

    private Signing signing(String alias) {
        X509Certificate certificate = store.chain(alias)[0];
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
        PrivateKey key = store.privateKey(alias).orElseThrow(() -> new IllegalStateException("no key " + alias));
        return new Signing(key, algorithm, store.signatureProvider(algorithm));
    }
}
