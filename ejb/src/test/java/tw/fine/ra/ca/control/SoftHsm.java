package tw.fine.ra.ca.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh SoftHSM2 token for a test, in the folder named by {@code SOFTHSM2_CONF} (set by surefire,
 * since SoftHSM2 reads it from the process environment when the library is first initialised).
 */
final class SoftHsm {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "123456";

    private SoftHsm() {
    }

    private static Integer slotListIndex;

    /**
     * The one token of this test JVM, made on first use in an emptied folder, so it is slot 0.
     * One per JVM because SoftHSM2 reads its token folder once, when SunPKCS11 first loads it.
     */
    static synchronized int token() {
        if (slotListIndex == null) {
            Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
            Path tokens = conf.resolveSibling("tokens");
            try {
                if (Files.exists(tokens)) {
                    try (var files = Files.walk(tokens)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Files.createDirectories(tokens);
                Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            run(List.of("softhsm2-util", "--init-token", "--free", "--label", "fine-ca-test", "--so-pin", "654321",
                    "--pin", PIN));
            slotListIndex = 0;
        }
        return slotListIndex;
    }

    /** What a token holds, as OpenSC's pkcs11-tool lists it. */
    static String listObjects() {
        return run(List.of("pkcs11-tool", "--module", LIBRARY, "--slot-index", "0", "--login", "--pin", PIN,
                "--list-objects"));
    }

    private static String run(List<String> command) {
        Openssl.Result result = Openssl.execute(new ProcessBuilder(command));
        if (!result.ok()) {
            throw new IllegalStateException(command + " failed: " + result.output());
        }
        return result.output();
    }
}
