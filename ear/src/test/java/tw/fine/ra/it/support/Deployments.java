package tw.fine.ra.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build produced, deployed as it is, optionally with a test WAR for in-container tests. */
public final class Deployments {

    private static final String WEB_MODULE = "fine-ra-web.war";

    private Deployments() {
    }

    public static EnterpriseArchive application() {
        File ear = new File(System.getProperty("fine.ear", "target/fine-ra.ear"));
        return ShrinkWrap.create(ZipImporter.class, "fine-ra.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /**
     * The application with the given test classes added to its web module, where Arquillian runs
     * them in the server (the servlet protocol enriches the EAR's only WAR).
     */
    public static EnterpriseArchive applicationWith(Class<?>... testClasses) {
        EnterpriseArchive ear = application();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses).addPackage(Deployments.class.getPackage())
                .addAsLibrary(plainHttpForTheTestRunner());
        ear.delete(WEB_MODULE);
        return ear.addAsModule(web);
    }

    /**
     * The site redirects every plain-HTTP request to HTTPS; Arquillian's runner servlet is called
     * over HTTP, so the test deployment (only) exempts its exact path with a web fragment.
     */
    private static JavaArchive plainHttpForTheTestRunner() {
        String fragment = """
                <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <name>arquillian_runner_over_http</name>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>arquillian runner</web-resource-name>
                      <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                  </security-constraint>
                </web-fragment>
                """;
        return ShrinkWrap.create(JavaArchive.class, "test-runner-over-http.jar")
                .addAsManifestResource(new StringAsset(fragment), "web-fragment.xml");
    }
}
