package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Creates the root CA, the issuing CA and the OCSP signer in a key store at first start, and loads
 * them afterwards. Creation is idempotent per alias, so a start interrupted half-way finishes the
 * missing parts on the next one.
 */
public final class CaHierarchy {

    public static final String ROOT_ALIAS = "fine-root-ca";
    public static final String ISSUING_ALIAS = "fine-issuing-ca";
    public static final String OCSP_ALIAS = "fine-ocsp-signer";

    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;
    private final SerialNumbers serials = new SerialNumbers();

    public CaHierarchy(CaKeyStore store, CaSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuingCa loadOrCreate() {
        if (!store.contains(ROOT_ALIAS)) {
            createRoot();
        }
        if (!store.contains(ISSUING_ALIAS)) {
            createIssuing();
        }
        return load(ISSUING_ALIAS);
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

    private void createRoot() {
        KeyPair keys = store.generateKeyPair(settings.rootKey());
        X500Name name = Names.dn(settings.rootDn());
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = builder(name, name, now, settings.rootValidity(), keys);
        new Extensions(builder).ca(null)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                .subjectKeyId(keys.getPublic());
        Signing signing = new Signing(keys.getPrivate(), settings.rootKey(), store.signatureProvider(settings.rootKey()));
        X509Certificate root = signing.sign(builder);
        store.store(ROOT_ALIAS, keys.getPrivate(), new X509Certificate[] {root});
    }

    private void createIssuing() {
        IssuingCa root = load(ROOT_ALIAS);
        KeyPair keys = store.generateKeyPair(settings.issuingKey());
        X509v3CertificateBuilder builder = builder(root.name(), Names.dn(settings.issuingDn()),
                clock.instant(), settings.issuingValidity(), keys);
        // pathLen 0: the issuing CA signs subscribers only, never another CA
        new Extensions(builder).ca(0)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                .subjectKeyId(keys.getPublic())
                .authorityKeyId(root.certificate())
                .policy(settings.policyOid());
        X509Certificate issuing = root.signing().sign(builder);
        store.store(ISSUING_ALIAS, keys.getPrivate(), new X509Certificate[] {issuing, root.certificate()});
    }

    private OcspSigner createOcspSigner(IssuingCa ca) {
        KeyPair keys = store.generateKeyPair(settings.ocspKey());
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = builder(ca.name(), Names.dn("CN=" + settings.issuingName()
                + " OCSP Responder, OU=User CA, O=" + settings.caOrganization() + ", C=TW"),
                now, settings.ocspSignerValidity(), keys);
        new Extensions(builder).endEntity()
                .keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(java.util.List.of(KeyPurposeId.id_kp_OCSPSigning.getId()))
                .ocspNoCheck()
                .subjectKeyId(keys.getPublic())
                .authorityKeyId(ca.certificate());
        X509Certificate certificate = ca.signing().sign(builder);
        store.store(OCSP_ALIAS, keys.getPrivate(), new X509Certificate[] {certificate, ca.certificate(), ca.root()});
        return new OcspSigner(certificate, signing(OCSP_ALIAS));
    }

    private IssuingCa load(String alias) {
        X509Certificate[] chain = store.chain(alias);
        return new IssuingCa(chain[0], chain[chain.length - 1], signing(alias));
    }

    private Signing signing(String alias) {
        X509Certificate certificate = store.chain(alias)[0];
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
        PrivateKey key = store.privateKey(alias).orElseThrow(() -> new IllegalStateException("no key " + alias));
        return new Signing(key, algorithm, store.signatureProvider(algorithm));
    }

    private JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant notBefore,
            TemporalAmount validity, KeyPair keys) {
        BigInteger serial = serials.next();
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plus(validity).toInstant();
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter),
                subject, keys.getPublic());
    }
}
