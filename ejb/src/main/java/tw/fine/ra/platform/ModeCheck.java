package tw.fine.ra.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;

/**
 * Fails the deployment when a setting that only development mode allows (the CAPTCHA test hook,
 * demo data, web addresses on this machine) is in force outside it. A CDI extension, so the refusal
 * comes while the deployment is validated, before any bean, schedule or timer of it has started.
 * The CA checks its own settings the same way ({@code ca.control.CaModeCheck}).
 */
public class ModeCheck implements Extension {

    void refuseDevelopmentSettings(@Observes AfterDeploymentValidation validation) {
        Settings settings = new Settings();
        refuse(validation, settings, settings.developmentOnlyInUse());
    }

    /** Adds the refusal to the deployment's problems when {@code inUse} is not empty outside development mode. */
    public static void refuse(AfterDeploymentValidation validation, Settings settings, List<String> inUse) {
        try {
            settings.requireDevelopmentModeFor(inUse);
        } catch (IllegalStateException refused) {
            validation.addDeploymentProblem(refused);
        }
    }
}
