package tw.fine.ra.ca.control;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Adds the X.509 extensions our profiles use; one place that knows their criticality. */
final class Extensions {

    private final X509v3CertificateBuilder builder;

    Extensions(X509v3CertificateBuilder builder) {
        this.builder = builder;
    }

    Extensions ca(Integer pathLength) {
        return add(Extension.basicConstraints, true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
    }

    Extensions endEntity() {
        return add(Extension.basicConstraints, true, new BasicConstraints(false));
    }

    Extensions keyUsage(int bits) {
        return add(Extension.keyUsage, true, new KeyUsage(bits));
    }

    Extensions extendedKeyUsage(List<String> oids) {
        if (oids.isEmpty()) {
            return this;
        }
        KeyPurposeId[] purposes = oids.stream()
                .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                .toArray(KeyPurposeId[]::new);
        return add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    }

    Extensions subjectKeyId(PublicKey key) {
        return add(Extension.subjectKeyIdentifier, false, keyId(key));
    }

    /** The issuer's own SKI, so the AKI matches it whatever method computed it. */
    Extensions authorityKeyId(X509Certificate issuer) {
        return add(Extension.authorityKeyIdentifier, false, authorityKeyIdFor(issuer));
    }

    static AuthorityKeyIdentifier authorityKeyIdFor(X509Certificate issuer) {
        byte[] ski = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        byte[] keyId = ski == null ? keyId(issuer.getPublicKey()).getKeyIdentifier()
                : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
        return new AuthorityKeyIdentifier(keyId);
    }

    Extensions crlDistributionPoint(String url) {
        return add(Extension.cRLDistributionPoints, false, distributionPoint(url));
    }

    /** RFC 5280 4.2.1.15: where the delta CRLs are; non-critical. */
    Extensions freshestCrl(String url) {
        return add(Extension.freshestCRL, false, distributionPoint(url));
    }

    /** One distribution point by its URL: the syntax of CRL Distribution Points and Freshest CRL. */
    static CRLDistPoint distributionPoint(String url) {
        DistributionPointName name = new DistributionPointName(new GeneralNames(uri(url)));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
    }

    Extensions authorityInformationAccess(String ocspUrl, String caIssuersUrl) {
        return add(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl)),
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl))}));
    }

    /** For a CA certificate: where its issuer's certificate is (the root has no OCSP responder). */
    Extensions caIssuers(String caIssuersUrl) {
        return add(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl))));
    }

    Extensions policy(String oid) {
        return add(Extension.certificatePolicies, false,
                new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(oid))));
    }

    /** RFC 6960 4.2.2.2.1: relying parties need not check the OCSP signer's own status. */
    Extensions ocspNoCheck() {
        return add(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }

    static SubjectKeyIdentifier keyId(PublicKey key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private Extensions add(ASN1ObjectIdentifier oid, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
            return this;
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
    }
}
