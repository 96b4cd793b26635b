package tw.fine.ra.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build produced, deployed as it is, optionally with a test WAR for in-container tests. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive application() {
        File ear = new File(System.getProperty("fine.ear", "target/fine-ra.ear"));
        return ShrinkWrap.create(ZipImporter.class, "fine-ra.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** The application plus a {@code test.war} holding the given test classes, which Arquillian runs in the server. */
    public static EnterpriseArchive applicationWith(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "test.war").addClasses(testClasses)
                .addPackage(Deployments.class.getPackage());
        return application().addAsModule(war);
    }
}
