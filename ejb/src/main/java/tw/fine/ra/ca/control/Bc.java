package tw.fine.ra.ca.control;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance, passed explicitly and never added to {@code Security}: a
 * globally registered provider from a deployment class loader would outlive a redeploy.
 */
final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
