package tw.fine.ra.ca.control;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

/** A PKCS#12-backed CA in a temporary folder, its root a development stand-in, with small RSA keys to keep tests fast. */
final class TestCa {

    static final SubjectName SUBSCRIBER = new SubjectName("70759028-00-0007", "70759028");

    final CaSettings settings;
    final IssuingCa ca;
    final CaHierarchy hierarchy;
    final CertificateIssuer issuer;
    final SerialNumbers serials = new SerialNumbers();

    TestCa(Path dir) {
        this(dir, new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "changeit".toCharArray()));
    }

    TestCa(Path dir, CaKeyStore store) {
        settings = CaSettings.from(name -> switch (name) {
            case "fine.ca.root.key" -> "RSA-2048";
            case "fine.ca.public.url" -> "http://127.0.0.1:8080/fine-ra-web/pki";
            case "fine.ca.policy.oid" -> "1.3.6.1.4.1.99999.1.1";
            default -> null;
        });
        hierarchy = new CaHierarchy(store, settings, Clock.systemUTC());
        // development mode: a stand-in offline root in its own folder signs the issuing CA (ADR 0010)
        ca = new IssuingCaSetup(store, settings, Clock.systemUTC(), new CeremonyFolder(dir.resolve("ceremony")), true,
                dir.resolve("development-root")).open();
        issuer = new CertificateIssuer(ca, settings);
    }

    X509Certificate issue(PublicKey key, CertificateProfile profile) {
        Instant now = Instant.now();
        return issuer.issue(SUBSCRIBER, key, profile, serials.next(), now, issuer.notAfter(now));
    }

    Path chainPem(Path dir) {
        return Openssl.pem(dir.resolve("chain.pem"), ca.certificate(), ca.root());
    }
}
