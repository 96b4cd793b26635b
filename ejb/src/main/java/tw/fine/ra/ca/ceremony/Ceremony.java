package tw.fine.ra.ca.ceremony;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import tw.fine.ra.ca.control.CaSettings;
import tw.fine.ra.ca.control.CeremonyFolder;
import tw.fine.ra.ca.control.Certificates;
import tw.fine.ra.ca.control.OfflineRoot;
import tw.fine.ra.ca.control.Pem;
import tw.fine.ra.ca.control.Pkcs12CaKeyStore;
import tw.fine.ra.ca.control.SignedCrl;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * {@code ca-ceremony.sh <command> [--option value]...}: see {@link #USAGE}. Settings (names, key
 * types, validities, the public URL and the policy OID) come from the same {@code FINE_CA_*}
 * variables the server reads; the root's passphrase from {@code FINE_ROOT_PASSPHRASE} or a prompt.
 */
public final class Ceremony {

    static final String USAGE = """
            usage: bash wildfly-config/ca-ceremony.sh <command> [options]
              init-root          --root DIR                 create the root key (root.p12), root.cer and root CRL 1
              sign-issuing       --root DIR --csr FILE [--out DIR]
                                                            certify the issuing CA's request the server wrote; writes
                                                            issuing-ca.cer, root.cer and root.crl into --out (default:
                                                            the request's folder) for the server's ceremony folder
              sign-crl           --root DIR [--out DIR] [--revoke CERT [--reason REASON]]
                                                            sign the next root CRL (number + 1), optionally revoking an
                                                            issuing CA certificate (reason e.g. keyCompromise, cACompromise,
                                                            superseded, cessationOfOperation)
              take-root-offline  --keystore FILE --root DIR [--out DIR]
                                                            move the root key an earlier version kept in the server's
                                                            PKCS#12 key store into DIR (server stopped)
            environment: FINE_ROOT_PASSPHRASE (else asked), FINE_CA_KEYSTORE_SECRET (take-root-offline, else asked),
                         FINE_CA_* as for the server (FINE_CA_PUBLIC_URL, FINE_CA_POLICY_OID, FINE_CA_ROOT_KEY, ...),
                         FINE_MODE=development to allow the placeholder policy OID and localhost URLs""";

    static final int MIN_PASSPHRASE = 12;

    private final Map<String, String> options;
    private final UnaryOperator<String> environment;
    private final PrintStream out;
    private final CaSettings settings;

    Ceremony(Map<String, String> options, UnaryOperator<String> environment, PrintStream out) {
        this.options = options;
        this.environment = environment;
        this.out = out;
        // fine.ca.ocsp.signer.renew-before is FINE_CA_OCSP_SIGNER_RENEW_BEFORE, as configure-ca.cli maps it
        this.settings = CaSettings.from(name -> environment.apply(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")));
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(List.of(args), System::getenv, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("ca-ceremony: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int run(List<String> args, UnaryOperator<String> environment, PrintStream out) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value, got " + args.get(i) + "\n" + USAGE);
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        Ceremony ceremony = new Ceremony(options, environment, out);
        switch (args.get(0)) {
            case "init-root" -> ceremony.initRoot();
            case "sign-issuing" -> ceremony.signIssuing();
            case "sign-crl" -> ceremony.signCrl();
            case "take-root-offline" -> ceremony.takeRootOffline();
            default -> throw new IllegalArgumentException("unknown command " + args.get(0) + "\n" + USAGE);
        }
        return 0;
    }

    private void initRoot() {
        refusePlaceholders();
        OfflineRoot root = root(true);
        X509Certificate certificate = root.create();
        out.println("root created in " + root.folder() + ": " + certificate.getSubjectX500Principal());
        describe(certificate);
        describe(root.crl().orElseThrow());
    }

    private void signIssuing() {
        refusePlaceholders();
        Path request = Path.of(required("csr"));
        OfflineRoot root = existingRoot();
        X509Certificate issuing = root.certifyIssuingCa(Pem.read(request));
        CeremonyFolder delivery = new CeremonyFolder(Path.of(options.getOrDefault("out",
                request.toAbsolutePath().getParent().toString())));
        delivery.deliverIssuing(issuing);
        root.deliverTo(delivery);
        out.println("issuing CA certified: " + issuing.getSubjectX500Principal() + ", serial "
                + issuing.getSerialNumber().toString(16) + ", until " + issuing.getNotAfter());
        describe(issuing);
        out.println("put " + CeremonyFolder.ISSUING_CERTIFICATE + ", " + CeremonyFolder.ROOT_CERTIFICATE + " and "
                + CeremonyFolder.ROOT_CRL + " from " + delivery.path() + " into the server's ceremony folder");
    }

    private void signCrl() {
        OfflineRoot root = existingRoot();
        if (options.containsKey("revoke")) {
            X509Certificate revoked = Certificates.parse(Pem.read(Path.of(options.get("revoke"))));
            root.revoke(revoked, reason(options.getOrDefault("reason", "cessationOfOperation")));
            out.println("revoked: " + revoked.getSubjectX500Principal() + ", serial " + revoked.getSerialNumber().toString(16));
        } else {
            root.signCrl(List.of());
        }
        describe(root.crl().orElseThrow());
        if (options.containsKey("out")) {
            root.deliverTo(new CeremonyFolder(Path.of(options.get("out"))));
            out.println("root.cer and root.crl written to " + options.get("out"));
        }
    }

    private void takeRootOffline() {
        Path keyStore = Path.of(required("keystore"));
        if (!Files.isRegularFile(keyStore)) {
            throw new IllegalArgumentException("no key store " + keyStore);
        }
        char[] secret = secret("FINE_CA_KEYSTORE_SECRET", "secret of the server's key store " + keyStore, false);
        OfflineRoot root = root(true);
        X509Certificate certificate = root.adopt(new Pkcs12CaKeyStore(keyStore, secret));
        out.println("root key moved from " + keyStore + " to " + root.folder() + ": " + certificate.getSubjectX500Principal());
        describe(certificate);
        describe(root.crl().orElseThrow());
        if (options.containsKey("out")) {
            root.deliverTo(new CeremonyFolder(Path.of(options.get("out"))));
            out.println("root.cer and root.crl written to " + options.get("out"));
        }
    }

    private OfflineRoot existingRoot() {
        OfflineRoot root = root(false);
        if (!root.exists()) {
            throw new IllegalArgumentException("no root in " + root.folder() + " (run init-root first)");
        }
        return root;
    }

    private OfflineRoot root(boolean create) {
        Path folder = Path.of(required("root"));
        if (create && Files.exists(folder.resolve(OfflineRoot.KEY_STORE))) {
            throw new IllegalArgumentException("a root key store already exists in " + folder);
        }
        if (!create && !Files.exists(folder.resolve(OfflineRoot.KEY_STORE))) {
            throw new IllegalArgumentException("no root key store in " + folder + " (run init-root first)");
        }
        return OfflineRoot.at(folder, secret("FINE_ROOT_PASSPHRASE", "root passphrase", create), settings,
                Clock.systemUTC());
    }

    /** The placeholder policy OID and addresses on this machine only for a development root. */
    private void refusePlaceholders() {
        List<String> inUse = settings.developmentOnlyInUse();
        boolean development = "development".equalsIgnoreCase(String.valueOf(environment.apply("FINE_MODE")).strip());
        if (!inUse.isEmpty() && !development) {
            throw new IllegalStateException("refused outside development mode (FINE_MODE=development) with " + inUse
                    + ": set FINE_CA_POLICY_OID and FINE_CA_PUBLIC_URL (e.g. " + "http://pki.example.tw/pki) as the "
                    + "server has them");
        }
    }

    private char[] secret(String variable, String prompt, boolean twice) {
        String value = environment.apply(variable);
        char[] secret;
        if (value != null && !value.isEmpty()) {
            secret = value.toCharArray();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("set " + variable + " or run on a terminal to be asked the " + prompt);
            }
            secret = console.readPassword("%s: ", prompt);
            if (twice && !java.util.Arrays.equals(secret, console.readPassword("%s again: ", prompt))) {
                throw new IllegalArgumentException("the two entries differ");
            }
        }
        if (twice && secret.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("a root passphrase has at least " + MIN_PASSPHRASE + " characters");
        }
        return secret;
    }

    private String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("--" + option + " is required\n" + USAGE);
        }
        return value;
    }

    private static RevocationReason reason(String text) {
        String wanted = text.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.isPermanent() && reason.name().replace("_", "").equals(wanted)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason " + text);
    }

    private void describe(X509Certificate certificate) {
        out.println("  SHA-256 fingerprint " + sha256(Certificates.der(certificate)) + " (record it in the minutes)");
    }

    private void describe(SignedCrl crl) {
        out.println("root CRL number " + crl.number() + ", " + crl.entries().size() + " entries, next update "
                + crl.nextUpdate());
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
