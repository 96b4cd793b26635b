package tw.fine.ra.ca.control;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The RA's card-attestation CA (ADR 0004): a trust anchor of its own, apart from the subscriber
 * hierarchy, that certifies each card's attestation key (PIV slot F9) at personalization. The card
 * signs attestations of its keys with F9, so the F9 certificate is itself a CA certificate (pathLen
 * 0, keyCertSign) whose subject names the card GUID; this CA therefore allows one CA below it.
 * Created in the CA key store at first start, loaded afterwards.
 */
public final class CardAttestationCa {

    public static final String ALIAS = "fine-card-attestation-ca";
    private static final Pattern GUID = Pattern.compile("[0-9A-F]{32}");

    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;
    private final SerialNumbers serials = new SerialNumbers();

    public CardAttestationCa(CaKeyStore store, CaSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        if (!store.contains(ALIAS)) {
            create();
        }
    }

    public X509Certificate certificate() {
        return store.chain(ALIAS)[0];
    }

    /**
     * The F9 certificate of a card: its attestation key (EC P-256) certified as a CA that signs the
     * card's attestations only (pathLen 0), subject {@code CN=FINE RA PIV Attestation <GUID>}.
     *
     * @throws IllegalArgumentException if the key is not EC P-256 or the GUID not 16 bytes of hex
     */
    public X509Certificate certify(PublicKey attestationKey, String cardGuid) {
        if (KeyAlgorithm.of(attestationKey) != KeyAlgorithm.EC_P256) {
            throw new IllegalArgumentException("an attestation key is EC P-256");
        }
        String guid = cardGuid == null ? "" : cardGuid.strip().toUpperCase();
        if (!GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("a card GUID is 16 bytes in hex");
        }
        X509Certificate ca = certificate();
        Instant now = clock.instant();
        Instant notAfter = min(now.atOffset(ZoneOffset.UTC).plus(settings.issuingValidity()).toInstant(),
                ca.getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(ca), serials.next(), Date.from(now),
                Date.from(notAfter), Names.dn("CN=FINE RA PIV Attestation " + guid + ", O="
                + settings.caOrganization() + ", C=TW"), attestationKey);
        new Extensions(builder).ca(0)
                .keyUsage(KeyUsage.keyCertSign)
                .subjectKeyId(attestationKey)
                .authorityKeyId(ca);
        return signing().sign(builder);
    }

    private void create() {
        KeyPair keys = store.generateKeyPair(KeyAlgorithm.EC_P256);
        X500Name name = Names.dn("CN=FINE RA Card Attestation CA, O=" + settings.caOrganization() + ", C=TW");
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serials.next(), Date.from(now),
                Date.from(now.atOffset(ZoneOffset.UTC).plus(settings.rootValidity()).toInstant()), name,
                keys.getPublic());
        // pathLen 1: the card's F9 certificate is a CA too (it signs the card's attestations)
        new Extensions(builder).ca(1)
                .keyUsage(KeyUsage.keyCertSign)
                .subjectKeyId(keys.getPublic());
        X509Certificate certificate = new Signing(keys.getPrivate(), KeyAlgorithm.EC_P256,
                store.signatureProvider(KeyAlgorithm.EC_P256)).sign(builder);
        store.store(ALIAS, keys.getPrivate(), new X509Certificate[] {certificate});
    }

    private Signing signing() {
        PrivateKey key = store.privateKey(ALIAS).orElseThrow(() -> new IllegalStateException("no key " + ALIAS));
        return new Signing(key, KeyAlgorithm.EC_P256, store.signatureProvider(KeyAlgorithm.EC_P256));
    }

    private static X500Name name(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
