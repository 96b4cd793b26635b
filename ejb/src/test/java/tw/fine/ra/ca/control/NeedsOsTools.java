package tw.fine.ra.ca.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs programs of the operating system ({@code openssl}, SoftHSM2 and its
 * {@code softhsm2-util}): left out of {@code mvn test}, so a bare JDK runs the pure unit tests, and
 * run by failsafe in {@code mvn verify} (the tools come from {@code wildfly-config/prerequisites.sh}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsOsTools.TAG)
public @interface NeedsOsTools {

    String TAG = "os-tools";
}
