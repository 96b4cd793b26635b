package tw.fine.ra.card.agent;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Test CA: certifies a card's public key so middleware shows the key (it lists keys by certificate). */
public final class CertificateMaker {

    private static final X500Name NAME = new X500Name("CN=FINE RA Test CA, C=TW");
    private final KeyPair ca;

    public CertificateMaker() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        ca = generator.generateKeyPair();
    }

    public X509Certificate certify(PublicKey subjectKey, String commonName) throws Exception {
        return sign(builder(NAME, new X500Name("CN=" + commonName + ", OU=TWCA FINE, C=TW"), subjectKey));
    }

    /** This CA's own self-signed certificate, as the RA's card-attestation CA publishes it. */
    public X509Certificate caCertificate() throws Exception {
        return certifyAsCa(NAME, ca.getPublic());
    }

    /** A card's attestation key F9 certificate: a CA certificate (it issues the attestations), path length 0. */
    public X509Certificate certifyAttestationKey(PublicKey attestationKey, String guid) throws Exception {
        return certifyAsCa(new X500Name("CN=FINE RA Card Attestation " + guid + ", C=TW"), attestationKey);
    }

    private X509Certificate certifyAsCa(X500Name subject, PublicKey key) throws Exception {
        JcaX509v3CertificateBuilder builder = builder(NAME, subject, key);
        builder.addExtension(Extension.basicConstraints, true, subject.equals(NAME) ? new BasicConstraints(true)
                : new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
        return sign(builder);
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(730, ChronoUnit.DAYS)), subject, key);
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }
}
