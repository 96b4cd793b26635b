package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The embedded default when no secret is configured: a random secret in a file readable by the
 * server's user only, next to the key store. Good for development and demos; production sets
 * {@code FINE_CA_KEYSTORE_SECRET} or a credential-store expression, so the secret is not on the
 * same disk as the key store.
 */
final class LocalSecret {

    private static final Logger LOG = Logger.getLogger(LocalSecret.class.getName());

    private LocalSecret() {
    }

    static char[] beside(Path keyStore) {
        Path file = keyStore.resolveSibling(keyStore.getFileName() + ".secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                LOG.warning(() -> "CA key store secret generated in " + file
                        + "; set FINE_CA_KEYSTORE_SECRET or a credential store in production");
            }
            return Files.readString(file).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the CA key store secret " + file, e);
        }
    }
}
