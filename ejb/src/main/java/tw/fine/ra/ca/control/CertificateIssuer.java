package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Builds and signs subscriber certificates by profile with the issuing CA's key. */
public final class CertificateIssuer {

    private final IssuingCa ca;
    private final CaSettings settings;

    public CertificateIssuer(IssuingCa ca, CaSettings settings) {
        this.ca = ca;
        this.settings = settings;
    }

    /**
     * The notAfter a pair gets when issued now: the configured validity, but never beyond the
     * issuing CA's own notAfter (a relying party would reject the excess anyway).
     */
    public Instant notAfter(Instant now) {
        Instant wanted = now.atOffset(java.time.ZoneOffset.UTC).plus(settings.certificateValidity()).toInstant();
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        return wanted.isAfter(caEnd) ? caEnd : wanted;
    }

    public X509Certificate issue(SubjectName subject, PublicKey key, CertificateProfile profile, BigInteger serial,
            Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name(), serial, Date.from(notBefore),
                Date.from(notAfter), Names.dn(subject.toDn(settings)), key);
        new Extensions(builder).endEntity()
                .keyUsage(profile.keyUsage())
                .extendedKeyUsage(profile.extendedKeyUsages(settings))
                .subjectKeyId(key)
                .authorityKeyId(ca.certificate())
                .crlDistributionPoint(settings.crlUrl())
                .authorityInformationAccess(settings.ocspUrl(), settings.caIssuersUrl())
                .policy(settings.policyOid());
        return ca.signing().sign(builder);
    }
}
