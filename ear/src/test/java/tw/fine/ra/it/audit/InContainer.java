package tw.fine.ra.it.audit;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import tw.fine.ra.it.support.Deployments;

/**
 * The application plus a test war that Arquillian runs the test in. The EAR already holds the
 * site's war, so the test war must be marked, or Arquillian cannot tell which one to enrich; it
 * is a CDI bean archive so tests can be handed the audit controls.
 */
final class InContainer {

    private InContainer() {
    }

    static EnterpriseArchive with(Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "test.war").addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.application().addAsModule(Testable.archiveToTest(war));
    }
}
