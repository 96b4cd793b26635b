package tw.fine.ra.it.ca;

import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import tw.fine.ra.it.support.Deployments;

/** The application with the CA's in-container test classes in its web module. */
final class CaDeployment {

    private CaDeployment() {
    }

    static EnterpriseArchive with(Class<?> testClass) {
        return Deployments.applicationWith(testClass, CaFixtures.class, CaFixtures.Result.class);
    }
}
