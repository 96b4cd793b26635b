package tw.fine.ra.it.ca;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import tw.fine.ra.it.support.Deployments;

/**
 * The application plus a test WAR for the CA's in-container tests. The EAR already holds the site's
 * WAR, so the test WAR is marked as the one Arquillian enriches and runs tests in.
 */
final class CaDeployment {

    private CaDeployment() {
    }

    static EnterpriseArchive with(Class<?> testClass) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ca-test.war")
                .addClasses(testClass, CaFixtures.class, CaFixtures.Result.class);
        return Deployments.application().addAsModule(Testable.archiveToTest(war));
    }
}
