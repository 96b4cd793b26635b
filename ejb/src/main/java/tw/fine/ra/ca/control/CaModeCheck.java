package tw.fine.ra.ca.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import tw.fine.ra.platform.ModeCheck;
import tw.fine.ra.platform.Settings;

/**
 * Fails the deployment, before any CA key is opened or generated, when the CA would run outside
 * development mode on the placeholder policy OID, a publication URL on this machine, or the key
 * store secret generated beside the key store.
 */
public class CaModeCheck implements Extension {

    void refuseDevelopmentSettings(@Observes AfterDeploymentValidation validation) {
        List<String> inUse = new ArrayList<>(CaSettings.from(System::getProperty).developmentOnlyInUse());
        if (CaKeyStoreFactory.usesLocalSecret(System::getProperty, System::getenv)) {
            inUse.add("no FINE_CA_KEYSTORE_SECRET (the generated ca.p12.secret)");
        }
        ModeCheck.refuse(validation, new Settings(), inUse);
    }
}
