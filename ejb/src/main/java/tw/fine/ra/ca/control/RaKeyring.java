package tw.fine.ra.ca.control;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.ca.entity.TicketSigningKey;

/**
 * The RA's own keys beside the CA's in the same key store: the ES256 command-ticket key, the card
 * master keys and the key that signs audit checkpoints (ADR 0009). Created at first start (each alias on its own, so an interrupted start completes
 * on the next), loaded afterwards. Keys are generated inside the store; none is ever written to the
 * database or the log.
 */
public final class RaKeyring {

    public static final String TICKET_ALIAS = "ra-ticket";
    public static final String AUDIT_ALIAS = "ra-audit-checkpoint";

    private final CaKeyStore store;
    private final CaSettings settings;
    private final Clock clock;

    public RaKeyring(CaKeyStore store, CaSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public TicketSigningKey ticketKey() {
        ensureSigningKey(TICKET_ALIAS, "FINE RA command tickets");
        ECPublicKey publicKey = (ECPublicKey) store.chain(TICKET_ALIAS)[0].getPublicKey();
        return new TicketSigningKey(store.privateKey(TICKET_ALIAS).orElseThrow(),
                store.signatureProvider(KeyAlgorithm.EC_P256), publicKey);
    }

    /** The P-256 key that signs audit checkpoints; the audit trail gets it as a handle, never the store. */
    public AuditSigningKey auditKey() {
        ensureSigningKey(AUDIT_ALIAS, "FINE RA audit checkpoints");
        return new AuditSigningKey(store.privateKey(AUDIT_ALIAS).orElseThrow(),
                store.signatureProvider(KeyAlgorithm.EC_P256), store.chain(AUDIT_ALIAS)[0].getPublicKey());
    }

    public Map<CardMasterKey.Purpose, CardMasterKey> cardMasterKeys() {
        Map<CardMasterKey.Purpose, CardMasterKey> keys = new EnumMap<>(CardMasterKey.Purpose.class);
        for (CardMasterKey.Purpose purpose : CardMasterKey.Purpose.values()) {
            if (!store.contains(purpose.alias())) {
                store.createSecretKey(purpose.alias());
            }
            keys.put(purpose, new CardMasterKey(purpose, store.secretKey(purpose.alias()).orElseThrow(),
                    store.macProvider()));
        }
        return keys;
    }

    /**
     * A key entry needs a certificate: a self-signed one that only carries the public key. Agents
     * pin the ticket key itself (served as PEM), and checkpoints name the audit key by its hash, so
     * nothing checks this certificate's dates or name.
     */
    private void ensureSigningKey(String alias, String commonName) {
        if (store.contains(alias)) {
            return;
        }
        KeyPair keys = store.generateKeyPair(KeyAlgorithm.EC_P256);
        X500Name name = Names.dn("CN=" + commonName + ", O=" + settings.caOrganization() + ", C=TW");
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new SerialNumbers().next(),
                Date.from(now), Date.from(now.atOffset(ZoneOffset.UTC).plusYears(30).toInstant()), name,
                keys.getPublic());
        new Extensions(builder).endEntity().keyUsage(KeyUsage.digitalSignature).subjectKeyId(keys.getPublic());
        X509Certificate certificate = new Signing(keys.getPrivate(), KeyAlgorithm.EC_P256,
                store.signatureProvider(KeyAlgorithm.EC_P256)).sign(builder);
        store.store(alias, keys.getPrivate(), new X509Certificate[] {certificate});
    }
}
