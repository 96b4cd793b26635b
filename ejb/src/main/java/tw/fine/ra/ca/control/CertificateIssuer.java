package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import tw.fine.ra.platform.ClockProducer;

/** Builds and signs subscriber certificates by profile with the issuing CA's key. */
public final class CertificateIssuer {

    private final IssuingCa ca;
    private final CaSettings settings;

    public CertificateIssuer(IssuingCa ca, CaSettings settings) {
        this.ca = ca;
        this.settings = settings;
    }

    /**
     * The notAfter a pair gets when issued at {@code now}: 23:59:59 Asia/Taipei of the day before
     * the anniversary (after the configured validity) of the issuance day in Taipei, so a subscriber
     * reads whole days; never beyond the issuing CA's own notAfter (a relying party would reject
     * the excess anyway). Where the anniversary has no such day (Feb 29 in a common year), it is the
     * next day, so the last day is the end of that month.
     */
    public Instant notAfter(Instant now) {
        LocalDate issued = LocalDate.ofInstant(now, ClockProducer.TAIPEI);
        LocalDate anniversary = issued.plus(settings.certificateValidity());
        if (anniversary.getDayOfMonth() < issued.getDayOfMonth()) {
            anniversary = anniversary.plusDays(1);
        }
        Instant wanted = anniversary.atStartOfDay(ClockProducer.TAIPEI).toInstant().minusSeconds(1);
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        return wanted.isAfter(caEnd) ? caEnd : wanted;
    }

    public X509Certificate issue(SubjectName subject, PublicKey key, CertificateProfile profile, BigInteger serial,
            Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name(), serial, Date.from(notBefore),
                Date.from(notAfter), Names.dn(subject.toDn(settings)), key);
        new Extensions(builder).endEntity()
                .keyUsage(profile.keyUsage(key))
                .extendedKeyUsage(profile.extendedKeyUsages(settings))
                .subjectKeyId(key)
                .authorityKeyId(ca.certificate())
                .crlDistributionPoint(settings.crlUrl())
                .freshestCrl(settings.deltaCrlUrl())
                .authorityInformationAccess(settings.ocspUrl(), settings.caIssuersUrl())
                .policy(settings.policyOid());
        return ca.signing().sign(builder);
    }
}
