package tw.fine.ra.ca.control;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import tw.fine.ra.platform.Settings;

/**
 * What an operator may choose about the CA: names, key types, validities, URLs, policy, extended
 * key usages, how often CRLs are published and how much OCSP signs. The one place that
 * reads these ({@link CaKeyStoreFactory} reads where the keys live), from system properties
 * ({@code fine.ca.*}) set by {@code configure-ca.cli}; every value has the default the
 * specification gives.
 *
 * @param ocspResponseValidity how long an OCSP response is valid (nextUpdate); it is signed anew after half
 * @param ocspSignaturesPerSecond how many OCSP responses one node signs on demand each second at most
 * @param crlInterval how often the schedule publishes a full CRL
 * @param deltaCrlValidity how long a delta CRL stays current (nextUpdate); the schedule publishes one
 *        every half of it, and one follows every revocation, hold and release
 * @param rootCrlValidity how long a root CRL signed at the offline ceremony stays current (nextUpdate)
 * @param publicBaseUrl the plain-HTTP base relying parties reach, e.g. {@code http://pki.example.tw/pki}
 */
public record CaSettings(
        String caOrganization,
        String rootName,
        String issuingName,
        String raProduct,
        KeyAlgorithm rootKey,
        KeyAlgorithm issuingKey,
        KeyAlgorithm ocspKey,
        Period rootValidity,
        Period issuingValidity,
        Period certificateValidity,
        Duration ocspSignerValidity,
        Duration ocspSignerRenewBefore,
        Duration crlValidity,
        Period rootCrlValidity,
        Duration ocspResponseValidity,
        int ocspSignaturesPerSecond,
        Duration crlInterval,
        Duration deltaCrlValidity,
        String publicBaseUrl,
        String policyOid,
        List<String> signingExtendedKeyUsages,
        List<String> encryptionExtendedKeyUsages) {

    /** The arc of the policy OID the build ships with: a placeholder, never for a production CA. */
    static final String PLACEHOLDER_POLICY_ARC = "1.3.6.1.4.1.99999.";

    public static CaSettings defaults() {
        return from(key -> null);
    }

    /** Settings from a property source; a missing property keeps its default. */
    public static CaSettings from(UnaryOperator<String> properties) {
        Source p = new Source(properties);
        return new CaSettings(
                p.get("fine.ca.organization", "FINE Certification Authority"),
                p.get("fine.ca.root.name", "FINE Root CA"),
                p.get("fine.ca.issuing.name", "Information User CA"),
                p.get("fine.ca.ra.product", "TWCA FINE"),
                KeyAlgorithm.parse(p.get("fine.ca.root.key", "RSA-4096")),
                KeyAlgorithm.parse(p.get("fine.ca.issuing.key", "RSA-2048")),
                KeyAlgorithm.parse(p.get("fine.ca.ocsp.key", "RSA-2048")),
                Period.parse(p.get("fine.ca.root.validity", "P20Y")),
                Period.parse(p.get("fine.ca.issuing.validity", "P10Y")),
                Period.parse(p.get("fine.ca.certificate.validity", "P2Y")),
                Duration.parse(p.get("fine.ca.ocsp.signer.validity", "P30D")),
                Duration.parse(p.get("fine.ca.ocsp.signer.renew-before", "P7D")),
                Duration.parse(p.get("fine.ca.crl.validity", "PT24H")),
                Period.parse(p.get("fine.ca.root.crl.validity", "P6M")),
                Duration.parse(p.get("fine.ca.ocsp.response.validity", "PT8H")),
                Integer.parseInt(p.get("fine.ca.ocsp.signatures-per-second", "200")),
                Duration.parse(p.get("fine.ca.crl.interval", "PT6H")),
                Duration.parse(p.get("fine.ca.crl.delta.validity", "PT15M")),
                p.get("fine.ca.public.url", "http://localhost:8080/pki"),
                p.get("fine.ca.policy.oid", PLACEHOLDER_POLICY_ARC + "1.1"),
                p.list("fine.ca.signing.eku", "1.3.6.1.5.5.7.3.2,1.3.6.1.5.5.7.3.4"),
                p.list("fine.ca.encryption.eku", "1.3.6.1.5.5.7.3.4"));
    }

    /**
     * Settings only development mode allows, by their environment variable: the placeholder policy
     * OID, a publication URL on this machine.
     */
    public List<String> developmentOnlyInUse() {
        List<String> inUse = new ArrayList<>();
        if (policyOid.startsWith(PLACEHOLDER_POLICY_ARC)) {
            inUse.add("FINE_CA_POLICY_OID");
        }
        if (Settings.isThisMachine(publicBaseUrl)) {
            inUse.add("FINE_CA_PUBLIC_URL");
        }
        return inUse;
    }

    public String rootDn() {
        return "CN=" + rootName + ", O=" + caOrganization + ", C=TW";
    }

    public String issuingDn() {
        return "CN=" + issuingName + ", OU=User CA, O=" + caOrganization + ", C=TW";
    }

    public String crlUrl() {
        return publicBaseUrl + "/crl/" + slug(issuingName) + ".crl";
    }

    /** The delta CRL, beside the full one: named in the certificates' and the full CRL's Freshest CRL. */
    public String deltaCrlUrl() {
        return publicBaseUrl + "/crl/" + slug(issuingName) + DELTA_CRL_SUFFIX + ".crl";
    }

    /** What the delta CRL's file name adds to the full CRL's. */
    public static final String DELTA_CRL_SUFFIX = "-delta";

    public String caIssuersUrl() {
        return publicBaseUrl + "/ca/" + slug(issuingName) + ".cer";
    }

    /** Where the server publishes the root CRL the offline ceremony signs: the issuing CA's CDP. */
    public String rootCrlUrl() {
        return publicBaseUrl + "/crl/" + slug(rootName) + ".crl";
    }

    /** Where the server publishes the root certificate: the issuing CA's AIA caIssuers. */
    public String rootCertificateUrl() {
        return publicBaseUrl + "/ca/" + slug(rootName) + ".cer";
    }

    public String ocspUrl() {
        return publicBaseUrl + "/ocsp";
    }

    /** The file-name form of a CA name in the publication URLs: {@code information-user-ca}. */
    public static String slug(String caName) {
        return caName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private record Source(UnaryOperator<String> properties) {
        String get(String name, String fallback) {
            String value = properties.apply(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        List<String> list(String name, String fallback) {
            String value = get(name, fallback);
            return value.equals("-") ? List.of()
                    : List.of(value.split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
        }
    }
}
