package tw.fine.ra.ca.control;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Opens the key store the configuration names: {@code fine.ca.keystore.type} is {@code pkcs12}
 * (default) or {@code pkcs11}. Secrets come from the environment first, so they need not sit in
 * the server configuration; a system property may carry a credential-store expression instead.
 */
public final class CaKeyStoreFactory {

    private CaKeyStoreFactory() {
    }

    public static CaKeyStore open(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String type = value(properties, "fine.ca.keystore.type", "pkcs12");
        if (type.equalsIgnoreCase("pkcs11")) {
            return new Pkcs11CaKeyStore("FineCa",
                    value(properties, "fine.ca.pkcs11.library", "/usr/lib/softhsm/libsofthsm2.so"),
                    Integer.parseInt(value(properties, "fine.ca.pkcs11.slot-list-index", "0")),
                    secret(properties, environment, "fine.ca.pkcs11.pin", "FINE_CA_PKCS11_PIN"));
        }
        Path file = keyStoreFile(properties);
        char[] secret = optionalSecret(properties, environment, "fine.ca.keystore.secret", "FINE_CA_KEYSTORE_SECRET");
        return new Pkcs12CaKeyStore(file, secret != null ? secret : LocalSecret.beside(file));
    }

    /**
     * The folder where the server writes the issuing CA's request and takes the certificates the
     * offline root ceremony made ({@code fine.ca.ceremony.dir}); by default {@code ceremony} beside
     * the key store file (with PKCS#11: in the server's data folder).
     */
    public static CeremonyFolder ceremonyFolder(UnaryOperator<String> properties) {
        return new CeremonyFolder(Path.of(value(properties, "fine.ca.ceremony.dir",
                keyStoreFile(properties).toAbsolutePath().resolveSibling("ceremony").toString())));
    }

    /**
     * Development mode only: the folder of the stand-in offline root the server signs its own issuing
     * CA with, beside the ceremony folder and apart from the online key store.
     */
    public static Path developmentRootFolder(UnaryOperator<String> properties) {
        return ceremonyFolder(properties).path().resolveSibling("development-root");
    }

    private static Path keyStoreFile(UnaryOperator<String> properties) {
        return Path.of(value(properties, "fine.ca.keystore.path",
                value(properties, "jboss.server.data.dir", "data") + "/fine-ca/ca.p12"));
    }

    /**
     * Whether {@link #open} would fall back on the secret file generated beside a PKCS#12 key store,
     * which only development mode allows.
     */
    public static boolean usesLocalSecret(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        return !value(properties, "fine.ca.keystore.type", "pkcs12").equalsIgnoreCase("pkcs11")
                && optionalSecret(properties, environment, "fine.ca.keystore.secret", "FINE_CA_KEYSTORE_SECRET") == null;
    }

    private static char[] secret(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
            String variable) {
        char[] secret = optionalSecret(properties, environment, property, variable);
        if (secret == null) {
            throw new IllegalStateException("CA token PIN missing: set " + variable + " or " + property);
        }
        return secret;
    }

    private static char[] optionalSecret(UnaryOperator<String> properties, UnaryOperator<String> environment,
            String property, String variable) {
        String secret = environment.apply(variable);
        if (secret == null || secret.isEmpty()) {
            secret = properties.apply(property);
        }
        return secret == null || secret.isEmpty() ? null : secret.toCharArray();
    }

    private static String value(UnaryOperator<String> properties, String name, String fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
