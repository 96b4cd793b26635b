package tw.fine.ra.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;

/**
 * One certificate the CA signed: a subscriber's, or its OCSP signer's ({@link CertificateUsage#OCSP_SIGNING},
 * without request or subscriber). Its id is the internal certificate number (憑證編號) shown to
 * subscribers; (issuer, serial) is unique by a database constraint. The version counts status
 * changes, and OCSP responses are cached per version.
 */
@Entity
@Table(name = "ca_certificate")
@NamedQuery(name = IssuedCertificate.BY_SERIAL,
        query = "select c from IssuedCertificate c where c.issuerDn = :issuer and c.serialHex = :serial")
// SQL, because strict JPQL (as WildFly runs it) has no union; both halves use a unique index
@NamedNativeQuery(name = IssuedCertificate.TAKEN,
        query = "select key_fingerprint from ca_certificate where key_fingerprint in (:fingerprints)"
                + " union all select serial_hex from ca_certificate"
                + " where issuer_dn = :issuer and serial_hex in (:serials)")
@NamedQuery(name = IssuedCertificate.OF_REQUEST,
        query = "select c from IssuedCertificate c where c.requestId = :request order by c.usage")
@NamedQuery(name = IssuedCertificate.OF_SUBSCRIBER,
        query = "select c from IssuedCertificate c where c.subscriberId = :subscriber order by c.id")
@NamedQuery(name = IssuedCertificate.RSA_MODULI_AFTER,
        query = "select c.modulusPosition, c.rsaModulus from IssuedCertificate c where c.modulusPosition > :position"
                + " order by c.modulusPosition")
@NamedQuery(name = IssuedCertificate.CHANGED_SINCE,
        query = "select c.serialHex, c.version from IssuedCertificate c"
                + " where c.issuerDn = :issuer and c.statusChangedAt >= :since")
@NamedQuery(name = IssuedCertificate.DUE_TO_EXPIRE,
        query = "select c from IssuedCertificate c where c.notAfter < :now and c.status in :statuses")
public class IssuedCertificate {

    public static final String BY_SERIAL = "IssuedCertificate.bySerial";
    public static final String OF_REQUEST = "IssuedCertificate.ofRequest";
    public static final String OF_SUBSCRIBER = "IssuedCertificate.ofSubscriber";
    /** Of some key fingerprints and serials, those already certified (one round trip for both). */
    public static final String TAKEN = "IssuedCertificate.taken";
    public static final String DUE_TO_EXPIRE = "IssuedCertificate.dueToExpire";
    /** Serial (hex) and version of the certificates whose status changed since a time, for the OCSP responders. */
    public static final String CHANGED_SINCE = "IssuedCertificate.changedSince";
    /** The certified RSA moduli (position, hex) after a position, in order, for the shared-prime check (docs/adr/0008). */
    public static final String RSA_MODULI_AFTER = "IssuedCertificate.rsaModuliAfter";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ca_certificate_seq")
    @SequenceGenerator(name = "ca_certificate_seq", sequenceName = "ca_certificate_seq", allocationSize = 20)
    private Long id;

    @Column(name = "issuer_dn", nullable = false)
    private String issuerDn;

    @Column(name = "serial_hex", nullable = false)
    private String serialHex;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "subscriber_id")
    private String subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "cert_usage", nullable = false)
    private CertificateUsage usage;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CertificateStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    private RevocationReason revocationReason;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** RFC 5280 5.3.2: since when the certificate is known or suspected to be unfit, if before revokedAt. */
    @Column(name = "invalidity_date")
    private Instant invalidityDate;

    /** When the status last changed (null until the first change); indexed, so responders poll the changes. */
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "subject_dn", nullable = false)
    private String subjectDn;

    @Column(name = "key_fingerprint", nullable = false)
    private String keyFingerprint;

    @Column(name = "der", nullable = false)
    private String der;

    /** The RSA modulus as hex, so a new key is checked for shared primes without parsing every certificate. */
    @Column(name = "rsa_modulus")
    private String rsaModulus;

    /** The modulus's place in commit order, so each node's in-memory copy adds exactly those it lacks. */
    @Column(name = "modulus_position")
    private Long modulusPosition;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IssuedCertificate() {
    }

    public IssuedCertificate(String requestId, String subscriberId, CertificateUsage usage, String issuerDn,
            BigInteger serial, String subjectDn, Instant notBefore, Instant notAfter, String keyFingerprint,
            byte[] der, Instant issuedAt) {
        this.requestId = requestId;
        this.subscriberId = subscriberId;
        this.usage = usage;
        this.issuerDn = issuerDn;
        this.serialHex = hex(serial);
        this.subjectDn = subjectDn;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.keyFingerprint = keyFingerprint;
        this.der = Base64.getEncoder().encodeToString(der);
        this.issuedAt = issuedAt;
        this.status = CertificateStatus.ISSUED_NOT_ON_CARD;
    }

    /**
     * The CA's delegated OCSP signer: kept with the certificates it signed so every certificate the
     * issuing CA signed is on record; no request, no subscriber, in use from the start.
     */
    public static IssuedCertificate ocspSigner(String issuerDn, BigInteger serial, String subjectDn, Instant notBefore,
            Instant notAfter, String keyFingerprint, byte[] der, Instant issuedAt) {
        IssuedCertificate c = new IssuedCertificate(null, null, CertificateUsage.OCSP_SIGNING, issuerDn, serial,
                subjectDn, notBefore, notAfter, keyFingerprint, der, issuedAt);
        c.status = CertificateStatus.ACTIVE;
        return c;
    }

    /** Records the certified key's RSA modulus at its position, for the shared-prime check of every later key. */
    public IssuedCertificate withRsaModulus(BigInteger modulus, long position) {
        this.rsaModulus = modulus.toString(16);
        this.modulusPosition = position;
        return this;
    }

    /** Serials are stored as lower-case hex without leading zeros, the form every lookup uses. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /** Takes a step that records no revocation or hold, e.g. an expiry: a hold's reason and date stay. */
    public boolean take(CertificateStatus.Transition step, Instant at, RevocationReason reason) {
        return take(step, at, reason, null);
    }

    /**
     * Takes the step if it may start from the current status; false (and unchanged) otherwise. A
     * step with a reason (hold, revocation) records it with {@code at}, the time the CA recorded it,
     * and {@code invalidSince}, an earlier time the certificate was unfit from (or null). Every step
     * records {@code at} as the time of the last status change.
     */
    public boolean take(CertificateStatus.Transition step, Instant at, RevocationReason reason, Instant invalidSince) {
        if (!step.startsFrom(status)) {
            return false;
        }
        CertificateStatus next = step.to();
        status = next;
        statusChangedAt = at;
        if (reason != null) {
            revocationReason = reason;
            revokedAt = at;
            invalidityDate = invalidSince;
        } else if (next == CertificateStatus.ACTIVE) {
            // released from hold: nothing of the hold may reach a CRL or OCSP answer
            revocationReason = null;
            revokedAt = null;
            invalidityDate = null;
        }
        return true;
    }

    public Long id() {
        return id;
    }

    public String issuerDn() {
        return issuerDn;
    }

    public BigInteger serial() {
        return new BigInteger(serialHex, 16);
    }

    public String requestId() {
        return requestId;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public CertificateUsage usage() {
        return usage;
    }

    public CertificateStatus status() {
        return status;
    }

    public RevocationReason revocationReason() {
        return revocationReason;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant invalidityDate() {
        return invalidityDate;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String subjectDn() {
        return subjectDn;
    }

    public byte[] der() {
        return Base64.getDecoder().decode(der);
    }

    public long version() {
        return version;
    }
}
